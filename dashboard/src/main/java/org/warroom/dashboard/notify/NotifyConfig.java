package org.warroom.dashboard.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.TicketCategory;

/**
 * Alert delivery's one immutable configuration (see docs/NOTIFICATIONS.md for every key and its default), read
 * by the notifier process and by the dashboard for the routes it mounts. The two secrets (acknowledgement links,
 * webhook signatures) come from the environment or are generated once into {@code data.dir/secrets}, where both
 * processes on one machine find the same one.
 */
public record NotifyConfig(KafkaSettings kafka, String managementHost, int managementPort, String group,
                           URI publicUrl, byte[] ackSecret, Duration ackTtl, byte[] webhookSecret,
                           int attempts, Duration backoff, Duration backoffMax, Duration tickInterval,
                           Duration batchWindow, int digestThreshold, Map<ChannelKind, String> rates,
                           Settings escalation, Optional<URI> smtpUrl, String smtpFrom, Optional<String> smtpUser,
                           Optional<String> smtpPassword, boolean smtpStartTlsRequired, Duration httpTimeout,
                           URI smsApiBase, Optional<String> smsAccountSid, Optional<String> smsAuthToken,
                           Optional<String> smsFrom, Optional<String> whatsappFrom) {

    public static NotifyConfig from(Settings settings) {
        Path secrets = Path.of(settings.get("data.dir", ".warroom")).resolve("secrets");
        Map<ChannelKind, String> rates = new EnumMap<>(ChannelKind.class);
        rates.put(ChannelKind.EMAIL, settings.get("notify.rate.email", "120/1m"));
        rates.put(ChannelKind.SMS, settings.get("notify.rate.sms", "30/1m"));
        rates.put(ChannelKind.WHATSAPP, settings.get("notify.rate.whatsapp", "30/1m"));
        rates.put(ChannelKind.WEBHOOK, settings.get("notify.rate.webhook", "300/1m"));
        rates.forEach((k, v) -> RateLimiter.parse("notify.rate." + k.wire(), v, Clock.systemUTC()));
        int attempts = settings.getInt("notify.retry.attempts", 5);
        if (attempts < 1) {
            throw new ConfigException("notify.retry.attempts", "must be at least 1");
        }
        NotifyConfig config = new NotifyConfig(
                KafkaSettings.from(settings),
                settings.get("notifier.management.host", "127.0.0.1"),
                settings.getPort("notifier.management.port", 8084),
                settings.get("notify.group", "warroom-notifier"),
                uri("public.url", settings.get("public.url", "http://127.0.0.1:8080")),
                secret(settings, "notify.ack.secret", secrets.resolve("notify-ack-secret")),
                settings.getDuration("notify.ack.ttl", Duration.ofHours(24)),
                secret(settings, "notify.webhook.secret", secrets.resolve("notify-webhook-secret")),
                attempts,
                settings.getDuration("notify.retry.backoff", Duration.ofSeconds(2)),
                settings.getDuration("notify.retry.backoff.max", Duration.ofMinutes(1)),
                settings.getDuration("notify.tick.interval", Duration.ofSeconds(15)),
                settings.getDuration("notify.batch.window", Duration.ofSeconds(1)),
                settings.getInt("notify.digest.threshold", 3),
                rates,
                settings,
                settings.find("smtp.url").map(v -> uri("smtp.url", v)),
                settings.get("smtp.from", "warroom@localhost"),
                settings.find("smtp.user"),
                settings.find("smtp.password"),
                settings.getBoolean("smtp.starttls.required", false),
                settings.getDuration("notify.http.timeout", Duration.ofSeconds(10)),
                uri("sms.api.base", settings.get("sms.api.base", "https://api.twilio.com")),
                settings.find("sms.account.sid"),
                settings.find("sms.auth.token").or(() -> settings.find("twilio.auth.token")),
                settings.find("sms.from"),
                settings.find("whatsapp.from"));
        config.policy();
        return config;
    }

    /** The escalation chains ({@code notify.escalation.*}). */
    public EscalationPolicy policy() {
        List<String> categories = new ArrayList<>(TicketCategory.ALL);
        categories.addAll(List.of("backlog-breaches", "line-load", "report-stale", "citizen-signals",
                "unlocated-messages", "shortage-critical", "stockout-predicted"));
        return EscalationPolicy.from(escalation, categories);
    }

    /** The acknowledgement page of a token: {@code {public.url}/ack/{token}}. */
    public String ackLink(String token) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ack/" + token;
    }

    private static URI uri(String key, String value) {
        try {
            URI uri = URI.create(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "must be a URL such as http://host:port, was '" + value + "'");
        }
    }

    /** A secret from the settings, else the one kept in {@code file}, else a new one written there (owner only). */
    static byte[] secret(Settings settings, String key, Path file) {
        Optional<String> configured = settings.find(key);
        if (configured.isPresent()) {
            byte[] bytes = configured.get().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 16) {
                throw new ConfigException(key, "must be at least 16 characters");
            }
            return bytes;
        }
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String hex = HexFormat.of().formatHex(random);
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, hex, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions apply
            }
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                Files.deleteIfExists(tmp);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the secret " + key + " in " + file, e);
        }
    }

    @Override
    public String toString() {
        return "NotifyConfig[kafka=" + kafka.bootstrap() + ", public.url=" + publicUrl + ", smtp=" + smtpUrl.map(u ->
                u.getScheme() + "://" + u.getHost() + ":" + u.getPort()).orElse("off") + ", sms.api.base=" + smsApiBase + "]";
    }
}
