package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.warroom.contracts.json.Json;

/**
 * {@code reconcile}: after a load run, waits (at most {@code --settle} seconds) until the live results and the index
 * count what the ledgers say was accepted, then compares exactly, id by id ({@link Reconciliation}); with
 * {@code --fault-at} and {@code --fresh} it adds the recovery times ({@link Recovery}). Prints the figures, appends
 * them as one JSON line to {@code --results}, and exits 0 only when everything matches.
 */
final class ReconcileRun {
    private static final long WINDOW_MS = 3_600_000;
    private static final long WINDOW_MARGIN_MS = 60_000;

    private ReconcileRun() {
    }

    static int run(Args a) throws Exception {
        Path root = Path.of(a.get("ledger"));
        Map<LoadEvent.Kind, Map<String, Long>> ledger = Ledger.readAll(root);
        DashboardApi dashboard = new DashboardApi(URI.create(a.get("dashboard")), "admin", a.file("password-file"));
        ElasticApi elastic = new ElasticApi(URI.create(a.get("es")));
        String prefix = a.get("es-prefix", "warroom");
        Properties kafka = new Properties();
        kafka.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("kafka"));
        TopicIds topics = new TopicIds(kafka);

        long deadline = System.currentTimeMillis() + a.number("settle", 180) * 1000;
        JsonNode overview = null;
        while (true) {
            overview = overviewOrNull(dashboard);
            boolean settled = overview != null;
            for (LoadEvent.Kind k : LoadEvent.Kind.accepted()) {
                long expected = expectedLive(k, ledger.get(k), System.currentTimeMillis());
                settled &= expected < 0 || Reconciliation.liveCount(k, overview) == expected;
                settled &= countOrMinus(elastic, prefix + "-" + alias(k)) == ledger.get(k).size();
            }
            if (settled || System.currentTimeMillis() > deadline) {
                break;
            }
            Thread.sleep(1000);
        }
        long settledAt = System.currentTimeMillis();
        Reconciliation r = new Reconciliation();
        for (LoadEvent.Kind k : LoadEvent.Kind.accepted()) {
            String alias = prefix + "-" + alias(k);
            Map<String, Integer> docs = elastic.documentsPerId(alias, ledger.get(k).keySet());
            long expected = expectedLive(k, ledger.get(k), settledAt);
            if (expected < 0) {
                r.problem(k.name().toLowerCase() + ": live count not compared (some messages are within a minute of"
                        + " leaving the one-hour window)");
            }
            r.compare(k, ledger.get(k).keySet(), topics.read(k.topic(), false), docs, elastic.count(alias), expected,
                    expected < 0 ? -1 : Reconciliation.liveCount(k, overview));
        }
        r.compareRejected(ledger.get(LoadEvent.Kind.INVALID).keySet(), topics.read("warroom.deadletter", true));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", a.get("case", "load"));
        out.put("command", a.get("command", ""));
        out.put("at", java.time.Instant.now().toString());
        out.putAll(r.summary());
        if (!a.get("fault-at", "").isEmpty()) {
            out.put("recovery", Recovery.of(Path.of(a.get("fresh")), Long.parseLong(a.get("fault-at")),
                    a.number("stale-ms", 20_000)));
        }
        String line = Json.mapper().writeValueAsString(out);
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        if (!a.get("results", "").isEmpty()) {
            Files.writeString(Path.of(a.get("results")), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return r.exact() ? 0 : 1;
    }

    private static String alias(LoadEvent.Kind k) {
        return switch (k) {
            case WORKER -> "workers";
            case TICKET -> "tickets";
            case CALL -> "calls";
            case MESSAGE -> "messages";
            case INVALID -> throw new IllegalArgumentException("refused events are not indexed");
        };
    }

    /**
     * What the live results must count for a kind at {@code now}: all accepted ones, except for messages (a count of
     * the last hour: those accepted within it; −1 when one lies too near the window's edge to tell).
     */
    static long expectedLive(LoadEvent.Kind k, Map<String, Long> accepted, long now) {
        if (k != LoadEvent.Kind.MESSAGE) {
            return accepted.size();
        }
        long inside = 0;
        for (long at : accepted.values()) {
            long age = now - at;
            if (Math.abs(age - WINDOW_MS) < WINDOW_MARGIN_MS) {
                return -1;
            }
            if (age < WINDOW_MS) {
                inside++;
            }
        }
        return inside;
    }

    private static JsonNode overviewOrNull(DashboardApi dashboard) throws InterruptedException {
        try {
            return dashboard.overview();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static long countOrMinus(ElasticApi elastic, String alias) throws InterruptedException {
        try {
            elastic.refresh(alias);
            return elastic.count(alias);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
