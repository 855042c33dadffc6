package org.warroom.ingest.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;

/**
 * Everything the ingest service is configured with, read once from {@link Settings} (environment over file over
 * defaults) and validated at start. Keys and their environment variables are listed in {@code docs/EVENTS.md}.
 *
 * @param ingestKey          the first API key ({@code WARROOM_INGEST_KEY}); empty: generated and kept in
 *                           {@code <data.dir>/secrets/ingest-key}
 * @param publicUrl          the URL providers call us at ({@code ingest.public.url}; behind a proxy it differs from
 *                           host:port); Twilio signatures are computed over it. Unset: the URL the request was
 *                           sent to. Never the dashboard's {@code public.url}, which is another service's address
 * @param maxBodyBytes       largest feed request body (413 above)
 * @param maxLines           most events in one request (413 above)
 * @param maxLineBytes       longest single NDJSON line (that line is rejected)
 * @param uploadMaxBytes     largest registry CSV upload (413 above)
 * @param rateEventsPerSecond events per second each API key may send, sustained
 * @param rateBurst          events a key may send at once (at least {@code maxLines})
 * @param kafkaTimeout       how long an event may wait for Kafka's acknowledgement before the request gets 503
 * @param lines              the helpline lines calls may be on
 * @param extraDistricts     a CSV of districts to add to the shipped table (same columns), e.g. new districts
 * @param preferredStates    LGD state codes whose districts win when a name in a message is ambiguous
 * @param maxErrorsShown     most per-line errors in one answer or job status (all go to the dead-letter topic)
 * @param tls                HTTPS when {@code ingest.tls.cert} and {@code ingest.tls.key} are set
 */
public record IngestConfig(
        String host,
        int port,
        KafkaSettings kafka,
        Path dataDir,
        Optional<String> ingestKey,
        Optional<String> publicUrl,
        long maxBodyBytes,
        int maxLines,
        int maxLineBytes,
        long uploadMaxBytes,
        long rateEventsPerSecond,
        long rateBurst,
        Duration kafkaTimeout,
        List<String> lines,
        Optional<String> whatsappAppSecret,
        Optional<String> whatsappVerifyToken,
        Optional<String> twilioAuthToken,
        Optional<String> exotelToken,
        Telephony telephony,
        Optional<Path> extraDistricts,
        List<String> preferredStates,
        int maxErrorsShown,
        ServerTls tls) {

    public static final List<String> DEFAULT_LINES = List.of("181", "104", "1075", "district-control", "worker-helpline");

    public IngestConfig {
        lines = List.copyOf(lines);
        if (maxBodyBytes < 1024) {
            throw new ConfigException("ingest.max.body.bytes", "must be at least 1024");
        }
        if (maxLines < 1 || maxLineBytes < 256) {
            throw new ConfigException("ingest.max.lines", "and ingest.max.line.bytes must be at least 1 and 256");
        }
        if (rateEventsPerSecond < 1) {
            throw new ConfigException("ingest.rate.events.per.second", "must be at least 1");
        }
        if (rateBurst < maxLines) {
            throw new ConfigException("ingest.rate.burst", "must be at least ingest.max.lines (" + maxLines
                    + "), or a full batch could never pass");
        }
        if (kafkaTimeout.toMillis() < 1000) {
            throw new ConfigException("ingest.kafka.timeout", "must be at least 1s");
        }
        ingestKey.filter(k -> k.length() < 16).ifPresent(k -> {
            throw new ConfigException("ingest.key", "must be at least 16 characters long");
        });
        publicUrl.filter(u -> !u.startsWith("http://") && !u.startsWith("https://")).ifPresent(u -> {
            throw new ConfigException("ingest.public.url", "must start with http:// or https://");
        });
    }

    public static IngestConfig from(Settings s) {
        List<String> lines = s.find("lines")
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty())
                        .map(x -> x.split(":", 2)[0]).toList())
                .orElse(DEFAULT_LINES);
        int maxLines = s.getInt("ingest.max.lines", 10_000);
        return new IngestConfig(
                s.get("ingest.host", "127.0.0.1"),
                s.getPort("ingest.port", 8081),
                KafkaSettings.from(s),
                Path.of(s.get("data.dir", ".warroom")),
                s.find("ingest.key"),
                // Only ingest's own public URL: public.url is the dashboard's (acknowledgement links), another address.
                s.find("ingest.public.url").map(u -> u.replaceAll("/+$", "")),
                s.getLong("ingest.max.body.bytes", 10L * 1024 * 1024),
                maxLines,
                s.getInt("ingest.max.line.bytes", 64 * 1024),
                s.getLong("ingest.upload.max.bytes", 2L * 1024 * 1024 * 1024),
                s.getLong("ingest.rate.events.per.second", 2_000),
                s.getLong("ingest.rate.burst", Math.max(20_000, maxLines)),
                s.getDuration("ingest.kafka.timeout", Duration.ofSeconds(15)),
                lines,
                s.find("whatsapp.app.secret"),
                s.find("whatsapp.verify.token"),
                s.find("twilio.auth.token"),
                s.find("exotel.token"),
                Telephony.from(s, lines),
                s.find("districts.extra.file").map(Path::of),
                Arrays.stream(s.get("districts.preferred.states", "23,10").split(",")).map(String::strip)
                        .filter(x -> !x.isEmpty()).toList(),
                s.getInt("ingest.max.errors.shown", 100),
                ServerTls.from(s));
    }

    /** Where the generated first ingest key is kept (bin/warroom shows it from there). */
    public Path ingestKeyFile() {
        return dataDir.resolve("secrets").resolve("ingest-key");
    }
}
