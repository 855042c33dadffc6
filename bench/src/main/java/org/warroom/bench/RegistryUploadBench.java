package org.warroom.bench;

import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warroom.tools.simulator.SimulatorConfig;
import org.warroom.tools.simulator.WorkerRegistry;

/**
 * Benchmark (not a test): uploads a registry of N rows (default 16 lakh, about 150 MB) to a running ingest
 * service and reports rows per second and the service's peak heap, sampled from its {@code /metrics}.
 *
 * <pre>java -cp ingest/target/warroom-ingest.jar org.warroom.bench.RegistryUploadBench [--rows 1600000]
 *      [--url http://127.0.0.1:8081] [--key wr_...]</pre>
 * Start ingest with a bounded heap (e.g. {@code -Xmx512m}) to check that memory stays flat.
 */
public final class RegistryUploadBench {
    private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"[^\"]+\"\\} ([0-9.E+]+)");

    private RegistryUploadBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = 1_600_000;
        java.util.List<String> rest = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows")) {
                rows = Long.parseLong(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        SimulatorConfig config = SimulatorConfig.from(rest.toArray(String[]::new), System.getenv());
        Path csv = Files.createTempFile("warroom-bench-registry", ".csv");
        try {
            long t0 = System.nanoTime();
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                WorkerRegistry.load(config.seed()).writeCsv(out, rows);
            }
            System.out.printf("generated %,d rows, %,d bytes in %.1f s%n", rows, Files.size(csv), (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            URI base = config.target();
            long start = System.nanoTime();
            HttpResponse<String> upload = http.send(HttpRequest.newBuilder(base.resolve("/v1/workers/upload"))
                    .header("Authorization", "Bearer " + config.key()).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
            if (upload.statusCode() != 202) {
                throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + upload.body());
            }
            double received = (System.nanoTime() - start) / 1e9;
            String job = upload.body().replaceAll(".*\"job\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            double peakHeap = 0;
            String status;
            while (true) {
                peakHeap = Math.max(peakHeap, heap(http, base));
                status = http.send(HttpRequest.newBuilder(base.resolve("/v1/jobs/" + job))
                        .header("Authorization", "Bearer " + config.key()).build(), HttpResponse.BodyHandlers.ofString()).body();
                if (!status.contains("\"running\"")) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            double total = (System.nanoTime() - start) / 1e9;
            System.out.printf("upload received in %.1f s; job finished after %.1f s: %,.0f rows/s; peak ingest heap %.0f MiB%n",
                    received, total, rows / total, peakHeap / (1024 * 1024));
            System.out.println(status.replaceAll("\"errors\":\\[.*?\\],", ""));
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The service's heap in use now (sum over the heap pools), from its Prometheus metrics. */
    private static double heap(HttpClient http, URI base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        Matcher m = HEAP.matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
