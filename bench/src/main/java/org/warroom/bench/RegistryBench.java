package org.warroom.bench;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warroom.tools.simulator.WorkerRegistry;

/**
 * {@code registry}: uploads a {@code --rows} (1 600 000) worker registry CSV (the simulator's generator) to ingest
 * and measures: the upload (until {@code 202}), the import (until the job is {@code done}), distributions complete
 * (streams' consumer group has committed past every record of {@code warroom.workers}), all searchable (the
 * indexer's group likewise, plus a refresh interval), ingest's peak heap (its {@code /metrics}) and RSS, the records
 * streams wrote per worker record, and then the engine's own baseline on the same records ({@link StreamsBaseline};
 * {@code --baseline 0} skips it): rows per second from upload to distributions divided by the baseline's records/s.
 */
final class RegistryBench {
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"\\} ([0-9.E+]+)");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"");

    private RegistryBench() {
    }

    static void run(Rig rig, Options o) throws Exception {
        long rows = o.whole("rows", 1_600_000);
        long seed = o.whole("seed", 2020);
        double waitSeconds = o.number("wait-minutes", 15) * 60;
        boolean baseline = o.whole("baseline", 1) != 0;
        o.checkAllRead();
        Report report = new Report("registry");
        Path csv = Files.createTempFile("warroom-bench-registry", ".csv");
        try {
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                WorkerRegistry.load(seed).writeCsv(out, rows);
            }
            Rig.log("generated %,d rows, %,d bytes", rows, Files.size(csv));
            rig.awaitDrained(100, 120);
            HttpClient http = HttpClient.newHttpClient();
            URI ingest = rig.stack.ingest();
            long ingestPid = rig.stack.pid("ingest").orElseThrow();
            double[] peakHeap = {0};
            long[] peakRss = {0};
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        String metrics = http.send(HttpRequest.newBuilder(ingest.resolve("/metrics")).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        double heap = 0;
                        Matcher m = HEAP.matcher(metrics);
                        while (m.find()) {
                            heap += Double.parseDouble(m.group(1));
                        }
                        peakHeap[0] = Math.max(peakHeap[0], heap);
                        peakRss[0] = Math.max(peakRss[0], Machine.rssMiB(ingestPid));
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // keep sampling
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            WrittenByStreams written = new WrittenByStreams(rig.lag.admin(), java.util.Set.of("warroom.workers"));
            long t0 = System.nanoTime();
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(ingest.resolve("/v1/workers/upload"))
                    .header("Authorization", "Bearer " + rig.stack.ingestKey()).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (upload.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
            }
            double uploaded = (System.nanoTime() - t0) / 1e9;
            String job = upload.body().replaceAll(".*\"job\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String body;
            while (true) {
                body = http.send(HttpRequest.newBuilder(ingest.resolve("/v1/jobs/" + job))
                        .header("Authorization", "Bearer " + rig.stack.ingestKey()).build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = STATE.matcher(body);
                if (m.find() && !m.group(1).equals("running")) {
                    break;
                }
                Thread.sleep(250);
            }
            double imported = (System.nanoTime() - t0) / 1e9;
            Rig.log("job: %s", body.length() > 300 ? body.substring(0, 300) : body);
            double distributed = -1;
            double searchable = -1;
            double logged = 0;
            while ((System.nanoTime() - t0) / 1e9 < waitSeconds && (distributed < 0 || searchable < 0)) {
                // Streams is done when it has read the topic and every repartition the distributions go through.
                var lag = rig.lag.sample(t -> t.equals("warroom.workers") || t.contains("-workers-") && t.endsWith("-repartition"));
                double now = (System.nanoTime() - t0) / 1e9;
                long streams = lag.entrySet().stream().filter(e -> e.getKey().contains("streams")).mapToLong(java.util.Map.Entry::getValue).max().orElse(-1);
                long indexer = lag.getOrDefault("warroom-indexer", -1L);
                if (now - logged >= 15) {
                    logged = now;
                    Rig.log("t=%3.0fs lag of the registry: streams (topic and repartitions) %,d, indexer %,d", now, streams, indexer);
                }
                if (distributed < 0 && streams >= 0 && streams <= 5) {
                    distributed = now;
                }
                if (searchable < 0 && indexer >= 0 && indexer <= 5) {
                    searchable = now + 1; // plus the index refresh interval (1 s)
                }
                Thread.sleep(250);
            }
            sampler.interrupt();
            String writes = written.describe();
            Rig.log("written by streams: %s", writes);
            double ours = rows / (distributed < 0 ? waitSeconds : distributed);
            StreamsBaseline.Result engine = baseline ? StreamsBaseline.registry(rig, waitSeconds) : null;
            report.figure("rows", String.format("%,d (%,d MB)", rows, Files.size(csv) / 1_000_000))
                    .figure("upload", String.format("%.1f s", uploaded))
                    .figure("imported (job done)", String.format("%.1f s (%,.0f rows/s)", imported, rows / imported))
                    .figure("distributions complete", distributed < 0 ? "not within the wait (" + Math.round(waitSeconds) + " s)" : String.format("%.1f s", distributed))
                    .figure("all searchable", searchable < 0 ? "not within the wait (" + Math.round(waitSeconds) + " s)" : String.format("%.1f s", searchable))
                    .figure("records/s upload → distributions", String.format("%s%,.0f", distributed < 0 ? "< " : "", ours))
                    .figure("engine baseline (KTable groupBy/count by 5 dimensions, same broker and settings)",
                            engine == null ? "not run" : engine.describe())
                    .figure("ratio to the baseline", engine == null ? "-" : (distributed < 0 ? "< " : "") + Report.ratio(ours / engine.rate()))
                    .figure("written by streams", writes)
                    .figure("ingest peak heap", String.format("%.0f MiB (RSS %d MiB)", peakHeap[0] / 1024 / 1024, peakRss[0]))
                    .verdict(distributed >= 0 && distributed <= 60 && searchable >= 0 && searchable <= 180 && peakHeap[0] <= 512L * 1024 * 1024,
                            "distributions ≤ 60 s, searchable ≤ 3 min, ingest heap ≤ 512 MB");
        } finally {
            Files.deleteIfExists(csv);
        }
        report.publish(rig.stack);
    }
}
