package org.warroom.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.warroom.contracts.config.Settings;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;

/**
 * {@code index}: (1) indexer throughput: the indexer is stopped, {@code --events} (200 000) mixed events go in
 * through ingest (streams turns them into results meanwhile), the indexer starts again and its consumer lag is
 * followed until it is drained; docs/s = documents Elasticsearch gained ÷ time from the first lag decrease to
 * drained. Baseline: the same documents (read back from Elasticsearch) bulk-loaded again into a fresh index of the
 * same template with the same client and bulk settings (at most {@code --baseline-docs}, 200 000, of them: they are
 * held in memory) (elasticsearch-java BulkIngester, 1000 actions / 5 MB /
 * 2 in flight). (2) event-to-searchable in steady state: the load at half the sustained rate runs {@code --warmup}
 * seconds (30; the baseline's copies were just deleted and Elasticsearch is merging), then for {@code --minutes} (2)
 * a probe message every 200 ms; its id is searched for every 100 ms until found.
 */
final class IndexBench {
    private IndexBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        long events = o.whole("events", 200_000);
        double rate = o.number("rate", rig.sustainedRate(5_000) / 2);
        double minutes = o.number("minutes", 2);
        double warmup = o.number("warmup", 30);
        long baselineDocs = o.whole("baseline-docs", 200_000);
        o.checkAllRead();
        Report report = new Report("index");
        Map<String, String> env = new java.util.HashMap<>(rig.stack.env);
        env.put("WARROOM_ES_URL", rig.stack.elasticsearch().toString());
        ElasticsearchClient es = ElasticClientFactory.create(ElasticSettings.from(Settings.of(env)));
        String prefix = rig.stack.env.getOrDefault("WARROOM_ES_INDEX_PREFIX", "warroom");
        String all = prefix + "-*";

        // (1) throughput after a stop
        rig.awaitDrained(100, 120);
        rig.stack.kill("indexer", false);
        Rig.log("indexer stopped; sending %,d events", events);
        try (Intake intake = new Intake(rig.vertx, rig.stack, rig.events(46), 500, 16)) {
            intake.run(20_000, events / 20_000.0 * 3, s -> { });
            while (intake.accepted.get() < events) {
                intake.run(20_000, 1, s -> { });
            }
        }
        Thread.sleep(5_000); // let streams write the results of the last events before measuring
        es.indices().refresh(r -> r.index(all));
        long before = es.count(c -> c.index(all)).count();
        long pending = LagSampler.stages(rig.lag.sample());
        Rig.log("indexer lag %,d; documents before %,d; starting the indexer", pending, before);
        Thread up = new Thread(() -> {
            try {
                rig.stack.up();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        up.start();
        long firstDrop = -1;
        long drained;
        while (true) {
            long lag = rig.lag.sample().getOrDefault(indexerGroup(rig), pending);
            long now = System.nanoTime();
            if (firstDrop < 0 && lag < pending) {
                firstDrop = now;
            }
            if (firstDrop >= 0 && lag <= 50) {
                drained = now;
                break;
            }
            Thread.sleep(200);
        }
        up.join();
        es.indices().refresh(r -> r.index(all));
        long indexed = es.count(c -> c.index(all)).count() - before;
        double seconds = (drained - firstDrop) / 1e9;
        double docsPerSecond = indexed / seconds;
        Rig.log("indexer: %,d docs in %.1f s = %,.0f docs/s", indexed, seconds, docsPerSecond);

        // baseline: the same documents, plain bulk load
        List<Hit<ObjectNode>> docs = new ArrayList<>();
        List<FieldValue> after = null;
        String[] families = {"messages", "calls", "tickets", "reports", "workers", "snapshots", "alerts"};
        List<String> patterns = new ArrayList<>();
        for (String f : families) {
            patterns.add(prefix + "-" + f + "-*");
        }
        while (true) {
            List<FieldValue> from = after;
            SearchResponse<ObjectNode> page = es.search(s -> {
                s.index(patterns).size(5_000).sort(x -> x.field(f -> f.field("_doc"))).query(q -> q.matchAll(m -> m));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            if (page.hits().hits().isEmpty() || docs.size() >= Math.min(indexed, baselineDocs)) {
                break;
            }
            docs.addAll(page.hits().hits());
            after = page.hits().hits().get(page.hits().hits().size() - 1).sort();
        }
        if (docs.size() > Math.min(indexed, baselineDocs)) {
            docs = docs.subList(0, (int) Math.min(indexed, baselineDocs)); // held in memory: at most --baseline-docs
        }
        java.util.Set<String> copies = new java.util.TreeSet<>();
        long t0 = System.nanoTime();
        try (BulkIngester<Void> ingester = BulkIngester.of(b -> b.client(es).maxOperations(1000).maxSize(5L * 1024 * 1024)
                .maxConcurrentRequests(2))) {
            for (Hit<ObjectNode> h : docs) {
                String index = h.index().replaceFirst("-[0-9]{4}[-.][0-9]{2}$|-v1$", "") + "-benchcopy-" + rig.run;
                copies.add(index);
                ingester.add(op -> op.index(i -> i.index(index).id(h.id()).document(h.source())));
            }
        }
        double baselineSeconds = (System.nanoTime() - t0) / 1e9;
        double baseline = docs.size() / baselineSeconds;
        es.indices().delete(d -> d.index(List.copyOf(copies)));
        Rig.log("baseline: %,d docs in %.1f s = %,.0f docs/s", docs.size(), baselineSeconds, baseline);

        // (2) event to searchable
        Percentiles searchable = new Percentiles();
        Map<String, Long> outstanding = new ConcurrentHashMap<>();
        String messages = prefix + "-messages-*";
        try (Intake intake = new Intake(rig.vertx, rig.stack, rig.events(47), 500, 16)) {
            if (warmup > 0) {
                Rig.log("warming up: %,.0f ev/s for %.0f s before the probes", rate, warmup);
                intake.run(rate, warmup, s -> { });
            }
            long[] n = {0};
            long timer = rig.vertx.setPeriodic(200, t -> {
                String id = "probe-" + rig.run + "-" + (n[0]++);
                outstanding.put(id, System.nanoTime());
                intake.post("/v1/messages", ("{\"id\":\"" + id + "\",\"channel\":\"sms\",\"from\":\"+919800000000\",\"text\":\"bench probe\",\"at\":\""
                        + java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + "\",\"district\":\"396\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            });
            Thread poller = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        List<FieldValue> ids = outstanding.keySet().stream().map(FieldValue::of).toList();
                        if (!ids.isEmpty()) {
                            var found = es.search(s -> s.index(messages).size(ids.size()).source(src -> src.fetch(false))
                                    .query(q -> q.ids(i -> i.values(ids.stream().map(FieldValue::stringValue).toList()))), Void.class);
                            long now = System.nanoTime();
                            for (var h : found.hits().hits()) {
                                Long sent = outstanding.remove(h.id());
                                if (sent != null) {
                                    searchable.add((now - sent) / 1_000_000);
                                }
                            }
                        }
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // keep polling
                    }
                }
            });
            poller.start();
            intake.run(rate, minutes * 60, s -> {
                if (s % 15 == 0) {
                    Rig.log("t=%3ds searchable %s", s, searchable.describe());
                }
            });
            rig.vertx.cancelTimer(timer);
            Thread.sleep(5_000);
            poller.interrupt();
            poller.join();
            report.figure("searchable load", String.format("%,.0f ev/s (probes after %.0f s of it), %s", rate, warmup, intake.describe()));
        }
        report.figure("indexer", String.format("%,.0f docs/s (%,d docs in %.1f s after a stop)", docsPerSecond, indexed, seconds))
                .figure("baseline plain bulk, same docs, same client", String.format("%,.0f docs/s (%,d docs)", baseline, docs.size()))
                .figure("ratio", Report.ratio(docsPerSecond / baseline))
                .figure("event → searchable", searchable.describe() + ", never found " + outstanding.size())
                .figure("generator CPU", report.generatorCpu())
                .verdict(docsPerSecond >= 0.7 * baseline && searchable.percentile(99) <= 2_000 && searchable.count() > 0,
                        "≥ 0.7 × baseline; searchable p99 ≤ 2 s");
        report.publish(rig.stack);
    }

    private static String indexerGroup(Rig rig) {
        return rig.stack.env.getOrDefault("WARROOM_INDEXER_GROUP", "warroom-indexer");
    }
}
