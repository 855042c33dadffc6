package org.warroom.dashboard.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.dashboard.bulletin.BulletinFixture.ARWAL;
import static org.warroom.dashboard.bulletin.BulletinFixture.BANKA;
import static org.warroom.dashboard.bulletin.BulletinFixture.BEGUSARAI;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.security.SecurityHeaders;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * The public bulletin on the real servers: a morning full of personal data in Elasticsearch and Kafka
 * ({@link BulletinFixture}), a dashboard whose bulletin is rebuilt every 200 ms. Every public answer is scanned for
 * every phone number, name and text that was written (none may appear); small counts read "&lt; 5"; the bulletin needs
 * no session and opens nothing else; the administrator's switch works and is audited; and under thousands of public
 * requests the bulletin keeps answering while the war room's own API keeps answering and stays fresh.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicBulletinIntegrationTest {
    private static final String PASSWORD = "bulletin-password-1";
    private BulletinFixture data;
    private TestDashboard dashboard;
    private LocalKafka kafka;
    private Login operator;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        this.kafka = kafka;
        data = BulletinFixture.load(es);
        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", data.prefix(),
                "bulletin.refresh", "200ms", "bulletin.rate.per.address", "1000000"));
        dashboard.clock.set(BulletinFixture.T0.plusHours(2).toInstant());
        dashboard.saveUser("bl-op", PASSWORD, "operator", List.of(), List.of());
        BulletinFixture.produceResults(dashboard);
        eventually(Duration.ofSeconds(30), () -> {
            JsonObject arwal = district(bulletin(), ARWAL);
            assertThat(arwal.getString("status")).isEqualTo("CRITICAL");
            assertThat(arwal.getValue("workers")).isEqualTo(12);
            assertThat(arwal.getJsonObject("complaints").getValue("registeredToday")).isEqualTo(6);
        });
    }

    /** Fresh sessions for each test: another dashboard started by a test (its own clock) may expire the old ones. */
    @BeforeEach
    void signIn() {
        operator = dashboard.login("bl-op", PASSWORD);
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        data.close();
    }

    @Test
    @DisplayName("the bulletin holds district aggregates from the live state and today's complaints, small counts as '< 5'")
    void shouldPublishAggregatesWithSmallCountsSuppressed() {
        JsonObject b = bulletin();
        assertThat(b.getInteger("floor")).isEqualTo(5);
        assertThat(b.getString("updatedAt")).startsWith("2026-11-20T12:15");

        JsonObject arwal = district(b, ARWAL);
        assertThat(arwal.getString("name")).isEqualTo("Arwal");
        assertThat(arwal.getString("nameHi")).isEqualTo("अरवल");
        assertThat(arwal.getJsonArray("commodities").getList()).containsExactly(
                Map.of("commodity", "milk", "status", "OK"), Map.of("commodity", "ration", "status", "CRITICAL"));
        assertThat(arwal.getJsonObject("complaints").getMap())
                .isEqualTo(Map.of("registeredToday", 6, "resolvedToday", 5, "open", 7));
        assertThat(arwal.getValue("workers")).isEqualTo(12);

        JsonObject banka = district(b, BANKA);
        assertThat(banka.getString("status")).isEqualTo("LOW");
        assertThat(banka.getJsonObject("complaints").getMap())
                .isEqualTo(Map.of("registeredToday", "< 5", "resolvedToday", "< 5", "open", "< 5"));
        assertThat(banka.getValue("workers")).isEqualTo("< 5");

        JsonObject begusarai = district(b, BEGUSARAI);
        assertThat(begusarai.getString("status")).as("known from messages alone").isEqualTo("none");
        assertThat(begusarai.getJsonArray("commodities").getList())
                .containsExactly(Map.of("commodity", "ration", "status", "none"));

        JsonObject bihar = state(b, "10");
        assertThat(bihar.getString("nameHi")).isEqualTo("बिहार");
        assertThat(bihar.getJsonObject("complaints").getValue("registeredToday")).isEqualTo(8);
        assertThat(bihar.getJsonObject("complaints").getValue("resolvedToday")).isEqualTo(6);
        assertThat(b.getJsonObject("complaints").getValue("registeredToday")).isEqualTo(8);

        JsonObject line = b.getJsonArray("helplines").stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("line").equals(BulletinFixture.LINE)).findFirst().orElseThrow();
        assertThat(line.getMap()).isEqualTo(Map.of("line", BulletinFixture.LINE, "loadPercent", 40, "inProgress", 40,
                "waiting", "< 5", "capacity", 100));
        assertThat(b.getJsonObject("registry").fieldNames()).containsExactly("workers", "verifiedPercent",
                "verifiedWindowDays");
    }

    @Test
    @DisplayName("no phone number, name or citizen text that was ingested appears in any public answer")
    void shouldHoldNoPersonalData() {
        List<String> answers = new ArrayList<>();
        answers.add(raw("/public/v1/bulletin").bodyAsString());
        answers.add(raw("/public").bodyAsString());
        for (String answer : answers) {
            for (String personal : BulletinFixture.PERSONAL) {
                assertThat(answer).as("public answer must not hold '" + personal + "'").doesNotContain(personal);
            }
        }
        // an allow-list: only these keys exist anywhere in the bulletin
        List<String> keys = new ArrayList<>();
        collectKeys(new JsonObject(answers.get(0)), keys);
        assertThat(keys).allMatch(k -> List.of("updatedAt", "refreshSeconds", "floor", "complaints", "registeredToday",
                "resolvedToday", "open", "helplines", "line", "loadPercent", "inProgress", "waiting", "capacity",
                "registry", "workers", "verifiedPercent", "verifiedWindowDays", "states", "code", "name", "nameHi",
                "onMap", "districts", "status", "commodities", "commodity").contains(k), "known key");
    }

    @Test
    @DisplayName("the bulletin, its page and its maps need no session, set no cookie and carry the security headers; nothing else became public")
    void shouldBePublicAndOnlyItself() {
        for (String path : List.of("/public", "/public/v1/bulletin", "/public/v1/geo/10", "/public/v1/geo/23")) {
            HttpResponse<Buffer> answer = raw(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.getHeader("Set-Cookie")).as(path).isNull();
            assertThat(answer.getHeader("Content-Security-Policy")).as(path).isEqualTo(SecurityHeaders.CSP);
            assertThat(answer.getHeader("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(answer.getHeader("Cache-Control")).as(path).startsWith("public");
        }
        HttpResponse<Buffer> withSession = dashboard.request(HttpMethod.GET, "/public/v1/bulletin")
                .putHeader("Cookie", operator.cookie()).send().await();
        assertThat(withSession.getHeader("Set-Cookie")).isNull();
        String etag = raw("/public/v1/bulletin").getHeader("ETag");
        HttpResponse<Buffer> again = dashboard.request(HttpMethod.GET, "/public/v1/bulletin")
                .putHeader("If-None-Match", etag).send().await();
        assertThat(again.statusCode()).isIn(200, 304); // 304 unless it was rebuilt in between

        assertThat(raw("/public/v1/geo/99").statusCode()).isEqualTo(404);
        assertThat(raw("/public/v1/other").statusCode()).isEqualTo(404);
        assertThat(raw("/api/v1/overview").statusCode()).isEqualTo(401);
        assertThat(raw("/api/v1/shortages").statusCode()).isEqualTo(401);
        assertThat(raw("/api/v1/admin/bulletin").statusCode()).isEqualTo(401);
        assertThat(raw("/api/v1/geo/10").statusCode()).isEqualTo(401);
        assertThat(raw("/").statusCode()).isEqualTo(302);
        assertThat(raw("/publicity").statusCode()).isEqualTo(404);
        assertThat(raw("/public/../api/v1/overview").statusCode()).isIn(400, 401, 404);
    }

    @Test
    @DisplayName("an administrator switches the bulletin off and on (audited); others may not")
    void shouldSwitchOffAndOn() {
        assertThat(dashboard.get("/api/v1/admin/bulletin", operator).statusCode()).isEqualTo(403);
        assertThat(put(operator, new JsonObject().put("enabled", false)).statusCode()).isEqualTo(403);
        HttpResponse<Buffer> invalid = put(admin, new JsonObject().put("enabled", "no"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.bodyAsJsonObject().getString("field")).isEqualTo("enabled");
        try {
            HttpResponse<Buffer> off = put(admin, new JsonObject().put("enabled", false));
            assertThat(off.statusCode()).isEqualTo(200);
            assertThat(off.bodyAsJsonObject().getBoolean("enabled")).isFalse();
            assertThat(off.bodyAsJsonObject().getString("changedBy")).isEqualTo("admin");
            HttpResponse<Buffer> refused = raw("/public/v1/bulletin");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("switched-off");
            assertThat(raw("/public").statusCode()).as("the page still says why").isEqualTo(200);
            assertThat(dashboard.get("/api/v1/admin/bulletin", admin).bodyAsJsonObject().getBoolean("enabled")).isFalse();
            eventually(Duration.ofSeconds(10), () -> assertThat(dashboard.readAll(AuditTopics.AUDIT).stream()
                    .filter(e -> e.action().equals("bulletin.switch")).map(AuditEvent::details).toList())
                    .contains(Map.of("enabled", "false")));
        } finally {
            assertThat(put(admin, new JsonObject().put("enabled", true)).statusCode()).isEqualTo(200);
        }
        assertThat(raw("/public/v1/bulletin").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("past its rate limit an address gets 429 with Retry-After")
    void shouldRateLimitPerAddress() {
        try (TestDashboard limited = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES,
                Map.of("bulletin.rate.per.address", "5"))) {
            eventually(Duration.ofSeconds(10), () -> assertThat(limited.request(HttpMethod.GET, "/public/v1/bulletin")
                    .send().await().statusCode()).isEqualTo(429));
            HttpResponse<Buffer> refused = limited.request(HttpMethod.GET, "/public").send().await();
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 60);
            assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("rate-limited");
            assertThat(limited.request(HttpMethod.GET, "/health/live").send().await().statusCode())
                    .as("the war room itself is not limited").isEqualTo(200);
        }
    }

    @Test
    @DisplayName("under thousands of public requests the bulletin keeps answering, and the war room's API keeps answering, fresh")
    void shouldKeepAnsweringUnderLoad() throws Exception {
        int requests = Integer.getInteger("bulletin.load.requests", 5_000);
        int inFlight = 64;
        List<Long> baseline = overviewLatencies(40);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + dashboard.port() + "/public/v1/bulletin");
        Semaphore slots = new Semaphore(inFlight);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Long> underLoad = Collections.synchronizedList(new ArrayList<>());
        long[] freshness = new long[1];
        Thread warRoom = new Thread(() -> {
            underLoad.addAll(overviewLatencies(20));
            // the wall's freshness: a new result reaches the war room's API while the public floods in
            long produced = System.nanoTime();
            dashboard.produce(ResultTopics.SHORTAGES, BANKA + "|milk",
                    BulletinFixture.shortage(BANKA, Commodity.MILK, 5, ShortageLevel.CRITICAL));
            eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/shortages?district=" + BANKA
                    + "&commodity=milk", operator).bodyAsJsonObject().getJsonArray("items")).hasSize(1));
            freshness[0] = (System.nanoTime() - produced) / 1_000_000;
            while (loading.get()) {
                underLoad.addAll(overviewLatencies(5));
            }
        });
        long started = System.nanoTime();
        warRoom.start();
        for (int i = 0; i < requests; i++) {
            slots.acquire();
            all.add(client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                            BodyHandlers.ofString())
                    .whenComplete((answer, error) -> {
                        slots.release();
                        if (error != null) {
                            problems.add(error.toString());
                        } else if (answer.statusCode() != 200 || !answer.body().contains("\"states\"")) {
                            problems.add(answer.statusCode() + " " + answer.body());
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(5, java.util.concurrent.TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        loading.set(false);
        warRoom.join(60_000);

        assertThat(problems).as("every public request answered with the bulletin").isEmpty();
        assertThat(freshness[0]).as("the new shortage reached the war room's API").isPositive();
        assertThat(underLoad).as("the war room's API answered throughout").isNotEmpty();
        System.out.printf("BENCH public bulletin: %d requests, %d in flight, %.1f s, %.0f req/s; "
                        + "/api/v1/overview p50/p95/max ms before %s, during %s; fresh result on the API after %d ms%n",
                requests, inFlight, seconds, requests / seconds, percentiles(baseline), percentiles(underLoad),
                freshness[0]);
    }

    // ---- helpers

    /** Sequential authenticated overview requests; each must answer 200. Latencies in microseconds. */
    private List<Long> overviewLatencies(int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<Buffer> answer = dashboard.get("/api/v1/overview", operator);
            out.add((System.nanoTime() - t) / 1_000);
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        return out;
    }

    private static String percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return String.format("%.1f/%.1f/%.1f", sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get((int) (sorted.size() * 0.95)) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    private HttpResponse<Buffer> raw(String path) {
        return dashboard.request(HttpMethod.GET, path).send().await();
    }

    private HttpResponse<Buffer> put(Login who, JsonObject body) {
        return dashboard.request(HttpMethod.PUT, "/api/v1/admin/bulletin").bearerTokenAuthentication(who.token())
                .sendJsonObject(body).await();
    }

    private JsonObject bulletin() {
        HttpResponse<Buffer> answer = raw("/public/v1/bulletin");
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    private static JsonObject state(JsonObject bulletin, String code) {
        return bulletin.getJsonArray("states").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static JsonObject district(JsonObject bulletin, String code) {
        for (Object s : bulletin.getJsonArray("states")) {
            for (Object d : ((JsonObject) s).getJsonArray("districts")) {
                if (((JsonObject) d).getString("code").equals(code)) {
                    return (JsonObject) d;
                }
            }
        }
        throw new AssertionError("no district " + code + " in the bulletin");
    }

    private static void collectKeys(Object node, List<String> keys) {
        if (node instanceof JsonObject o) {
            for (String k : o.fieldNames()) {
                keys.add(k);
                collectKeys(o.getValue(k), keys);
            }
        } else if (node instanceof JsonArray a) {
            a.forEach(x -> collectKeys(x, keys));
        }
    }
}
