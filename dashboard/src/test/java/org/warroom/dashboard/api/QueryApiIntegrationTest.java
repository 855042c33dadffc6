package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.query.QueryFixture;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * Search, worker search, trends and alert history through the HTTP API, scoped, against the real servers: a dashboard
 * on a small war-room day in the real Elasticsearch node ({@link QueryFixture}: Bhopal 396 and Indore 397), its clock
 * set to that day. Every answer must be 200 with the documents of the caller's scope, and nothing else.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiIntegrationTest {
    private static final String PASSWORD = "query-api-password-1";
    private static final String BHOPAL = "396";
    private QueryFixture data;
    private TestDashboard dashboard;
    private Login operator;
    private Login commander;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        data = QueryFixture.load(es);
        dashboard = TestDashboard.start(kafka, es.url(), Map.of("es.index.prefix", data.prefix()));
        dashboard.clock.set(QueryFixture.DAY.plusHours(2).toInstant());
        dashboard.saveUser("q-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("q-cmd", PASSWORD, "commander", List.of(BHOPAL), List.of());
        operator = dashboard.login("q-op", PASSWORD);
        commander = dashboard.login("q-cmd", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        data.close();
    }

    @Test
    @DisplayName("search answers 200 with the hits of the caller's scope; a commander asking for another district gets 403 naming the field")
    void shouldSearchWithinScope() {
        JsonObject all = ok(dashboard.get("/api/v1/search?q=" + encode("राशन"), operator));
        assertThat(ids(all)).containsExactlyInAnyOrder("m1", "m4", "m5", "t2o");
        assertThat(all.getLong("total")).isEqualTo(4);
        JsonObject m1 = item(all, "m1");
        assertThat(m1.getString("feed")).isEqualTo("messages");
        assertThat(m1.getString("district")).isEqualTo(BHOPAL);
        assertThat(m1.getString("text")).isEqualTo("भोपाल में राशन नहीं मिल रहा");
        assertThat(item(all, "t2o").getString("feed")).isEqualTo("tickets");
        assertThat(item(all, "t2o").getString("district")).isEqualTo("397");

        JsonObject milk = ok(dashboard.get("/api/v1/search?q=milk", operator));
        assertThat(ids(milk)).containsExactly("m2");
        assertThat(item(milk, "m2").getString("from")).as("the operator sees no phone numbers").isEqualTo("********0001");

        JsonObject own = ok(dashboard.get("/api/v1/search?q=" + encode("राशन"), commander));
        assertThat(ids(own)).containsExactlyInAnyOrder("m1", "m4");
        assertThat(own.getLong("total")).isEqualTo(2);
        assertThat(ok(dashboard.get("/api/v1/search?q=milk", commander)).getJsonArray("items")).isEmpty();
        assertThat(ids(ok(dashboard.get("/api/v1/search?q=&district=" + BHOPAL, commander))))
                .containsExactlyInAnyOrder("m1", "m3", "m4", "t1o", "t1r", "t3o");

        HttpResponse<Buffer> other = dashboard.get("/api/v1/search?q=ration&district=395", commander);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.bodyAsJsonObject().getString("field")).isEqualTo("district");
        assertThat(dashboard.get("/api/v1/search?q=x&from=yesterday", operator).bodyAsJsonObject().getString("field"))
                .isEqualTo("from");
        assertThat(dashboard.get("/api/v1/search?q=x&feed=gossip", operator).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("trends, worker search and alert history answer 200 with the commander's district only, and 403 for another")
    void shouldScopeOtherQueries() {
        assertThat(dashboard.get("/api/v1/districts/395/trends?hours=24", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/workers/search?district=395", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/alerts/history?district=395", commander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/districts/396/trends?hours=9999", commander).statusCode()).isEqualTo(400);

        // the last 24 hours of Bhopal: one call started (c1), one complaint opened (t1, ration); yesterday's are older
        JsonObject trends = ok(dashboard.get("/api/v1/districts/396/trends?hours=24", commander));
        assertThat(trends.getString("district")).isEqualTo(BHOPAL);
        JsonObject activity = trends.getJsonObject("activity");
        assertThat(sum(activity.getJsonObject("calls"))).isEqualTo(1);
        assertThat(activity.getJsonArray("ticketsOpenedByCategory")).singleElement().satisfies(s -> {
            assertThat(((JsonObject) s).getString("name")).isEqualTo("ration");
            assertThat(sum((JsonObject) s)).isEqualTo(1);
        });
        assertThat(activity.getJsonArray("callsByLine")).singleElement()
                .satisfies(s -> assertThat(((JsonObject) s).getString("name")).isEqualTo("181"));

        JsonObject workers = ok(dashboard.get("/api/v1/workers/search", commander));
        assertThat(ids(workers)).containsExactly("w1", "w3");
        JsonObject alerts = ok(dashboard.get("/api/v1/alerts/history", commander));
        assertThat(alerts.getLong("total")).isEqualTo(2);
        assertThat(alerts.getJsonArray("items").stream().map(a -> ((JsonObject) a).getString("district")))
                .containsOnly(BHOPAL);
        assertThat(ok(dashboard.get("/api/v1/alerts/history", operator)).getLong("total")).isEqualTo(4);

        JsonObject me = dashboard.get("/api/v1/me", commander).bodyAsJsonObject();
        assertThat(me.getJsonArray("districts").getList()).containsExactly(BHOPAL);
    }

    private static JsonObject ok(HttpResponse<Buffer> answer) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject();
    }

    private static List<String> ids(JsonObject page) {
        JsonArray items = page.getJsonArray("items");
        return items.stream().map(i -> ((JsonObject) i).getString("id")).toList();
    }

    private static JsonObject item(JsonObject page, String id) {
        return page.getJsonArray("items").stream().map(JsonObject.class::cast).filter(i -> id.equals(i.getString("id")))
                .findFirst().orElseThrow(() -> new AssertionError(id + " not in " + ids(page)));
    }

    private static long sum(JsonObject series) {
        return series.getJsonArray("points").stream().mapToLong(p -> ((JsonObject) p).getLong("count")).sum();
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }
}
