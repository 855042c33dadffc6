package org.warroom.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexNames;

/**
 * {@code drilldown}: the district page's queries over a realistic day at all-India scale while the pipeline ingests
 * at half the sustained rate. First makes sure the indices hold {@code --docs} (5 000 000) documents of a seeded day
 * ({@link DrilldownSeed}; skipped when a previous run left them), then {@code --clients} (2) operators open district
 * pages back to back for {@code --minutes} (3): for a random district of India, the page's trends (activity,
 * stock, backlog over 24 h), its latest messages and tickets, a word search (Hindi or English) in the district and
 * its alert history, each through the dashboard's JSON API as an administrator (the scope check, the worker
 * thread and Elasticsearch included). Reports p50 / p95 / max per query and over all. {@code --seed-only yes} only
 * seeds (it needs nothing but Elasticsearch running), so the seeding can be done ahead of a quiet measuring window.
 */
final class DrilldownBench {
    private static final String[] WORDS = {"ration", "राशन", "water", "पानी", "medicine", "दवाई"};

    private DrilldownBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        long docs = o.whole("docs", 5_000_000);
        double minutes = o.number("minutes", 3);
        double rate = o.number("rate", rig.sustainedRate(5_000) / 2);
        int clients = (int) o.whole("clients", 2);
        boolean seedOnly = "yes".equals(o.text("seed-only", "no"));
        o.checkAllRead();
        Report report = new Report("drilldown");
        Map<String, String> env = new HashMap<>(rig.stack.env);
        env.put("WARROOM_ES_URL", rig.stack.elasticsearch().toString());
        ElasticsearchClient es = ElasticClientFactory.create(ElasticSettings.from(Settings.of(env)));
        IndexNames names = new IndexNames(rig.stack.env.getOrDefault("WARROOM_ES_INDEX_PREFIX", "warroom"));

        DrilldownSeed seed = new DrilldownSeed(es, names, Instant.now());
        long present = seed.present();
        long wantedEvents = docs * 95 / 100;
        if (present < wantedEvents * 99 / 100) {
            Rig.log("%,d seeded event documents present; seeding %,d documents over %d districts", present, docs, seed.districtCount());
            long t0 = System.nanoTime();
            long refused = seed.write(docs);
            double seconds = (System.nanoTime() - t0) / 1e9;
            report.figure("seeded", String.format("%,d documents in %.0f s (%,.0f docs/s), %,d refused", docs, seconds, docs / seconds, refused));
            present = seed.present();
        } else {
            report.figure("seeded", String.format("already present (%,d event documents)", present));
        }
        es.indices().refresh(r -> r.index(names.prefix() + "-*"));
        long total = es.count(c -> c.index(names.prefix() + "-*")).count();
        Rig.log("%,d documents in Elasticsearch (%,d of them seeded events)", total, present);
        report.figure("documents", String.format("%,d in all, %d districts", total, seed.districtCount()));
        if (seedOnly) {
            return;
        }

        String token;
        try (LiveClients live = new LiveClients(rig.vertx, rig.stack)) {
            token = live.token();
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<District> districts = DistrictDirectory.load().all();
        Map<String, Percentiles> byQuery = new LinkedHashMap<>();
        for (String q : List.of("trends", "latest", "search", "alerts")) {
            byQuery.put(q, new Percentiles());
        }
        Percentiles all = new Percentiles();
        AtomicLong errors = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> operators = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(31 + c);
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    String d = districts.get(random.nextInt(districts.size())).code();
                    String word = URLEncoder.encode(WORDS[random.nextInt(WORDS.length)], StandardCharsets.UTF_8);
                    Map<String, String> page = new LinkedHashMap<>();
                    page.put("trends", "/api/v1/districts/" + d + "/trends?hours=24");
                    page.put("latest", "/api/v1/search?district=" + d + "&sort=recent&size=20");
                    page.put("search", "/api/v1/search?q=" + word + "&district=" + d + "&size=20");
                    page.put("alerts", "/api/v1/alerts/history?district=" + d + "&size=50");
                    page.forEach((name, path) -> {
                        long ms = timed(http, rig.stack.dashboard().resolve(path), token, errors);
                        if (ms >= 0) {
                            byQuery.get(name).add(ms);
                            all.add(ms);
                        }
                    });
                    pages.incrementAndGet();
                }
            }, "operator-" + c);
            operators.add(t);
        }
        try (Intake intake = new Intake(rig.vertx, rig.stack, rig.events(48), 500, 16)) {
            operators.forEach(Thread::start);
            intake.run(rate, minutes * 60, s -> {
                if (s % 30 == 0) {
                    Rig.log("t=%3ds %,d pages, all queries %s, errors %d", s, pages.get(), all.describe(), errors.get());
                }
            });
            stop.set(true);
            for (Thread t : operators) {
                t.join();
            }
            report.figure("load", String.format("%,.0f ev/s, %s", rate, intake.describe()));
        }
        long worstP95 = 0;
        for (Map.Entry<String, Percentiles> e : byQuery.entrySet()) {
            Percentiles p = e.getValue();
            report.figure(e.getKey(), "p50 " + p.percentile(50) + " ms, p95 " + p.percentile(95) + " ms, max " + p.max() + " ms (n=" + p.count() + ")");
            worstP95 = Math.max(worstP95, p.percentile(95));
        }
        report.figure("all queries", "p50 " + all.percentile(50) + " ms, p95 " + all.percentile(95) + " ms, max " + all.max() + " ms (n=" + all.count() + ")")
                .figure("district pages", String.format("%,d by %d clients, errors %d", pages.get(), clients, errors.get()))
                .figure("generator CPU", report.generatorCpu())
                .verdict(worstP95 <= 300 && errors.get() == 0 && all.count() > 0, "p95 ≤ 300 ms for every query of the page");
        report.publish(rig.stack);
    }

    /** One GET as the administrator; its time in ms, or -1 (counted as an error) when it did not answer 200. */
    private static long timed(HttpClient http, URI uri, String token, AtomicLong errors) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                if (errors.incrementAndGet() <= 5) {
                    Rig.log("%s answered %d: %s", uri.getPath(), answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
                }
                return -1;
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } catch (Exception e) {
            if (errors.incrementAndGet() <= 5) {
                Rig.log("%s failed: %s", uri.getPath(), e);
            }
            return -1;
        }
    }
}
