package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.warroom.contracts.json.Json;

/**
 * Sends the reconciliation load through ingest's public API at a fixed rate, as a careful client does: each batch
 * (NDJSON, one request per feed) is sent again, unchanged, until ingest answers it (2xx) — through connection
 * failures, {@code 503} and {@code 429} — because re-sending is harmless (events carry their ids). Only an answer
 * counts: the answered events go to the {@link Ledger} and the {@link AcceptedTimeline}. When behind schedule (after
 * an outage) it catches up as fast as ingest answers.
 */
public final class LoadGenerator {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI ingest;
    private final String key;
    private final String run;
    private final double rate;
    private final int batch;
    private final Ledger ledger;
    private final AcceptedTimeline timeline;
    private long sent;
    private long retries;
    private long anomalies;

    public LoadGenerator(URI ingest, String key, String run, double rate, Ledger ledger, AcceptedTimeline timeline) {
        this.ingest = ingest;
        this.key = key;
        this.run = run;
        this.rate = rate;
        this.batch = Math.max(5, (int) Math.round(rate / 10));
        this.ledger = ledger;
        this.timeline = timeline;
    }

    /** Sends until {@code stop} says so (checked between batches); a batch in flight is always finished. */
    public void run(BooleanSupplier stop) throws InterruptedException {
        long start = System.currentTimeMillis();
        while (!stop.getAsBoolean()) {
            long due = start + (long) (sent * 1000 / rate);
            long wait = due - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            long now = System.currentTimeMillis();
            Map<String, List<LoadEvent>> byFeed = new LinkedHashMap<>();
            for (int i = 0; i < batch; i++) {
                LoadEvent e = LoadEvent.nth(run, sent++, now);
                byFeed.computeIfAbsent(e.kind().feed(), f -> new ArrayList<>()).add(e);
            }
            for (Map.Entry<String, List<LoadEvent>> feed : byFeed.entrySet()) {
                deliver(feed.getKey(), feed.getValue());
            }
        }
    }

    private void deliver(String feed, List<LoadEvent> events) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        for (LoadEvent e : events) {
            try {
                body.append(Json.mapper().writeValueAsString(e.body())).append('\n');
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        long invalid = events.stream().filter(e -> e.kind() == LoadEvent.Kind.INVALID).count();
        HttpRequest request = HttpRequest.newBuilder(ingest.resolve("/v1/" + feed))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                boolean allRefused = status == 400 && invalid == events.size();
                if (status == 200 || status == 202 || allRefused) {
                    JsonNode json = Json.mapper().readTree(answer.body());
                    if (json.path("rejected").asLong() != invalid
                            || json.path("accepted").asLong() != events.size() - invalid) {
                        anomalies++;
                        System.err.println("unexpected answer to " + feed + ": " + answer.body());
                    }
                    ledger.record(events);
                    timeline.add(events);
                    return;
                }
                if (status != 503 && status != 429 && status < 500) {
                    anomalies++;
                    System.err.println("refused " + feed + " batch with " + status + ": " + answer.body());
                    return;
                }
            } catch (IOException e) {
                // ingest unreachable (killed, restarting): try again
            }
            retries++;
            Thread.sleep(250);
        }
    }

    public long sent() {
        return sent;
    }

    public long retries() {
        return retries;
    }

    /** Answers that did not match what was sent (wrong accepted/rejected counts, an unexpected 4xx). */
    public long anomalies() {
        return anomalies;
    }
}
