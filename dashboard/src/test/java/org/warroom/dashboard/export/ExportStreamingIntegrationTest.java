package org.warroom.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.WorkerDoc;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * A large registry exported whole, streamed: {@code warroom.export.rows} workers (default 50,000; the benchmark in
 * docs/BENCHMARKS.md runs more with a small heap) indexed into the real Elasticsearch, then {@code workers.csv}
 * and {@code workers.xlsx} read by a client that counts rows as they arrive (never holding the file), while the
 * JVM's heap use is sampled: the test JVM holds the Kafka broker, the dashboard and this client, so a run with
 * {@code -Ddashboard.test.heap=256m} over more rows than fit in it shows that an export's memory does not grow with
 * its size. Then a client that goes away after the first chunk: the export is cut off and audited as such, with
 * the rows written until then.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportStreamingIntegrationTest {
    private static final int ROWS = Integer.getInteger("warroom.export.rows", 50_000);
    private static final int BATCH = 5_000;
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 20, 10, 15, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
    private static final String[] DISTRICTS = {"396", "397", "392", "230", "428"};
    private ElasticsearchClient client;
    private TestDashboard dashboard;
    private HttpClient http;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        String prefix = "expbig" + System.nanoTime();
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(), "es.index.prefix", prefix)));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        String index = settings.names().index(IndexFamily.WORKERS, null);
        long t0 = System.nanoTime();
        for (int from = 0; from < ROWS; from += BATCH) {
            List<BulkOperation> ops = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(ROWS, from + BATCH); i++) {
                WorkerRecord w = new WorkerRecord(String.format("bw%07d", i), (i % 2 == 0 ? "रमेश कुमार " : "Sita Devi ") + i,
                        String.format("+9197%08d", i), DISTRICTS[i % DISTRICTS.length], List.of("mason", "cook"),
                        WorkerStatus.WORKING, "23", DISTRICTS[(i + 1) % DISTRICTS.length], T0, WorkerSource.REGISTRY, T0);
                ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(w.id()).document(WorkerDoc.of(w)))));
            }
            var answer = client.bulk(b -> b.operations(ops));
            assertThat(answer.errors()).isFalse();
        }
        client.indices().refresh(r -> r.index(index));
        System.out.printf("EXPORT-BENCH indexed %,d workers in %.1f s%n", ROWS, (System.nanoTime() - t0) / 1e9);
        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", prefix));
        http = dashboard.vertx.createHttpClient();
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        client.close();
    }

    /** What a streaming read saw. */
    private record Read(long bytes, long lines, String tail, double seconds, long peakHeap) {
    }

    @Test
    @DisplayName("the whole registry as CSV and XLSX, streamed: every row arrives, the heap stays bounded")
    void shouldStreamTheWholeRegistry() {
        Read csv = read("/api/v1/exports/workers.csv", Long.MAX_VALUE);
        assertThat(csv.lines()).as("header and every worker").isEqualTo(ROWS + 1L);
        assertThat(csv.tail()).contains(String.format("bw%07d", ROWS - 1));
        report("csv", csv);
        assertThat(auditOf("ok").details()).containsEntry("rows", Integer.toString(ROWS));

        Read xlsx = read("/api/v1/exports/workers.xlsx", Long.MAX_VALUE);
        assertThat(xlsx.bytes()).isGreaterThan(ROWS * 20L);
        report("xlsx", xlsx);
        eventually(Duration.ofSeconds(20), () -> assertThat(dashboard.readAll(AuditTopics.AUDIT).stream()
                .filter(e -> "workers.xlsx".equals(e.target()) && "ok".equals(e.outcome()))
                .map(e -> e.details().get("rows"))).contains(Integer.toString(ROWS)));
    }

    @Test
    @DisplayName("a client that goes away after the first chunk: the export stops and is audited as cut off, with the rows written")
    void shouldAuditACutOffExport() {
        read("/api/v1/exports/workers.csv?status=working", 64 * 1024);
        AuditEvent cut = auditOf("cut-off");
        long rows = Long.parseLong(cut.details().get("rows"));
        assertThat(rows).isPositive().isLessThan(ROWS);
        assertThat(cut.details()).containsEntry("filter", "status=working");
        System.out.printf("EXPORT-BENCH cut off after %,d of %,d rows%n", rows, ROWS);
    }

    private AuditEvent auditOf(String outcome) {
        List<AuditEvent> found = new ArrayList<>();
        eventually(Duration.ofSeconds(60), () -> {
            found.clear();
            dashboard.readAll(AuditTopics.AUDIT).stream().filter(e -> "workers.csv".equals(e.target())
                    && outcome.equals(e.outcome()) && "admin".equals(e.actor())).forEach(found::add);
            assertThat(found).isNotEmpty();
        });
        return found.get(found.size() - 1);
    }

    private static void report(String format, Read r) {
        System.out.printf("EXPORT-BENCH %s: %,d rows, %,d bytes in %.1f s (%.1f MB/s, %,.0f rows/s), peak heap used %d MB of max %d MB%n",
                format, ROWS, r.bytes(), r.seconds(), r.bytes() / 1e6 / r.seconds(), ROWS / r.seconds(),
                r.peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** GETs the path and counts what arrives without keeping it; closes the connection after {@code limit} bytes. */
    private Read read(String path, long limit) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20); // a sampling period, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        AtomicLong bytes = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        StringBuilder tail = new StringBuilder();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
                .setPort(dashboard.port()).setURI(path).putHeader("Authorization", "Bearer " + admin.token());
        Future<Void> done = http.request(options).compose(req -> req.send()).compose((HttpClientResponse resp) -> {
            assertThat(resp.statusCode()).isEqualTo(200);
            Promise<Void> end = Promise.promise();
            resp.handler((Buffer b) -> {
                long total = bytes.addAndGet(b.length());
                for (int i = 0; i < b.length(); i++) {
                    if (b.getByte(i) == '\n') {
                        lines.incrementAndGet();
                    }
                }
                tail.setLength(0);
                tail.append(b.getString(Math.max(0, b.length() - 200), b.length(), StandardCharsets.ISO_8859_1.name()));
                if (total >= limit) {
                    resp.request().connection().close();
                    end.tryComplete();
                }
            });
            resp.endHandler(v -> end.tryComplete());
            resp.exceptionHandler(end::tryFail);
            return end.future();
        });
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampling.set(false);
        return new Read(bytes.get(), lines.get(), tail.toString(), seconds, peak.get());
    }
}
