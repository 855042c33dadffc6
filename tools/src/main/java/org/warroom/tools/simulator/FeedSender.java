package org.warroom.tools.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * Sends simulated events through the public HTTP API as NDJSON batches, one request per feed. Events that could
 * not be delivered (429, 503, connection refused) stay queued (bounded) and go with the next batch; re-sending is
 * harmless because every event carries its id.
 */
final class FeedSender {
    private static final int MAX_QUEUED = 100_000;
    private static final int MAX_BATCH = 5_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final String key;
    private final Map<String, Deque<String>> queued = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private long dropped;
    private long retryAfterMillis;

    FeedSender(URI target, String key) {
        this.target = target;
        this.key = key;
    }

    void add(SimEvent e) {
        Deque<String> q = queued.computeIfAbsent(e.feed(), f -> new ArrayDeque<>());
        if (q.size() >= MAX_QUEUED) {
            q.pollFirst();
            dropped++;
        }
        try {
            q.addLast(Json.mapper().writeValueAsString(e.body()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Sends what is queued; returns false when ingest asked us to slow down or was unreachable. */
    boolean flush() throws InterruptedException {
        boolean ok = true;
        for (var entry : queued.entrySet()) {
            Deque<String> q = entry.getValue();
            while (!q.isEmpty()) {
                List<String> batch = new ArrayList<>();
                while (!q.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(q.pollFirst());
                }
                int status = post(entry.getKey(), String.join("\n", batch));
                long[] c = counts.computeIfAbsent(entry.getKey(), k -> new long[3]);
                if (status == 202 || status == 200 || status == 400) {
                    c[0] += batch.size();
                    if (status != 202) {
                        c[1]++;
                    }
                } else {
                    c[2]++;
                    for (int i = batch.size() - 1; i >= 0; i--) {
                        q.addFirst(batch.get(i));
                    }
                    ok = false;
                    break;
                }
            }
        }
        return ok;
    }

    private int post(String feed, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/v1/" + feed)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 || response.statusCode() == 400) {
                System.out.println("simulator: some " + feed + " events were refused: " + abbreviate(response.body()));
            } else if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new IllegalStateException("ingest refused the API key (" + response.statusCode() + "): " + response.body());
            } else if (response.statusCode() == 429 || response.statusCode() == 503) {
                retryAfterMillis = 1000 * response.headers().firstValueAsLong("Retry-After").orElse(2);
            }
            return response.statusCode();
        } catch (IOException e) {
            retryAfterMillis = 2000;
            return -1;
        }
    }

    /** Uploads a registry CSV file and returns the job id. */
    String upload(Path csv) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/v1/workers/upload")).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IOException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body()).path("job").asText();
    }

    /** The job's status JSON. */
    String job(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/v1/jobs/" + id)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    long retryAfterMillis() {
        long r = retryAfterMillis;
        retryAfterMillis = 0;
        return r;
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        counts.forEach((feed, c) -> s.append(feed).append('=').append(c[0]).append(' '));
        int pending = queued.values().stream().mapToInt(Deque::size).sum();
        return s + "pending=" + pending + (dropped > 0 ? " dropped=" + dropped : "");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
