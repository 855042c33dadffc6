package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * An operator limited to one state (Madhya Pradesh, LGD 23) gets nothing of another state (Bihar, 10) over any
 * endpoint, page or websocket channel, while an operator of all India sees both. MP's district 392 (Balaghat),
 * Bihar's 230 (Patna).
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateScopeIntegrationTest {
    private static final String MP = "23";
    private static final String OWN = "392";
    private static final String BIHAR = "230";
    private static final String PASSWORD = "state-scope-password-1";
    private TestDashboard dashboard;
    private Login mpOperator;
    private Login indiaOperator;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        JsonObject body = new JsonObject().put("username", "st-mp").put("password", PASSWORD).put("role", "operator")
                .put("states", new JsonArray().add(MP));
        HttpResponse<Buffer> saved = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), body);
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(201);
        assertThat(saved.bodyAsJsonObject().getJsonArray("states")).containsExactly(MP);
        dashboard.saveUser("st-india", PASSWORD, "operator", List.of(), List.of());
        mpOperator = dashboard.login("st-mp", PASSWORD);
        indiaOperator = dashboard.login("st-india", PASSWORD);
        Results.districtFigures(dashboard, OWN, Commodity.MEDICINE);
        Results.districtFigures(dashboard, BIHAR, Commodity.MEDICINE);
        dashboard.produce(ResultTopics.CALL_LOAD, "st-104", Results.line("st-104", 3, 10));
        for (String district : List.of(OWN, BIHAR)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/alerts?district=" + district,
                    indiaOperator).bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
            eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/shortages?district=" + district,
                    indiaOperator).bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
        }
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    @Test
    @DisplayName("who am I: the operator is limited to state 23, not all districts")
    void shouldSayWhichStates() {
        JsonObject me = dashboard.get("/api/v1/me", mpOperator).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("operator");
        assertThat(me.getBoolean("allDistricts")).isFalse();
        assertThat(me.getJsonArray("states")).containsExactly(MP);
        assertThat(me.getJsonArray("districts")).contains(OWN).doesNotContain(BIHAR);
        assertThat(me.getBoolean("personalData")).isFalse();
    }

    @Test
    @DisplayName("every endpoint: 403 for the other state's district, lists without it, state-wide figures refused")
    void shouldRefuseTheOtherStateEverywhere() {
        List<String> holes = new ArrayList<>();
        record Row(String path, int mp, int india) {
        }
        List<Row> rows = List.of(
                new Row("/api/v1/districts/" + OWN, 200, 200),
                new Row("/api/v1/districts/" + BIHAR, 403, 200),
                new Row("/api/v1/shortages?district=" + BIHAR, 403, 200),
                new Row("/api/v1/backlogs?district=" + BIHAR, 403, 200),
                new Row("/api/v1/alerts?district=" + BIHAR, 403, 200),
                new Row("/api/v1/calls/load", 403, 200),
                new Row("/api/v1/workers/distribution?by=currentState", 403, 200),
                new Row("/api/v1/workers/distribution?by=skill", 403, 200),
                new Row("/api/v1/complaints?district=" + BIHAR, 403, 200),
                new Row("/api/v1/search?q=x&district=" + BIHAR, 403, 503),
                new Row("/api/v1/workers/search?q=x&district=" + BIHAR, 403, 503),
                new Row("/api/v1/districts/" + BIHAR + "/trends", 403, 503),
                new Row("/api/v1/alerts/history?district=" + BIHAR, 403, 503),
                new Row("/api/v1/report?district=" + BIHAR, 403, 503),
                new Row("/api/v1/report.pdf?district=" + BIHAR, 403, 503),
                new Row("/api/v1/charts/trend.png?district=" + BIHAR, 403, 503));
        for (Row row : rows) {
            int mp = dashboard.get(row.path(), mpOperator).statusCode();
            int india = dashboard.get(row.path(), indiaOperator).statusCode();
            if (mp != row.mp() || india != row.india()) {
                holes.add(row.path() + ": state-limited " + mp + " (expected " + row.mp() + "), all-India " + india
                        + " (expected " + row.india() + ")");
            }
        }
        assertThat(holes).isEmpty();

        for (String list : List.of("/api/v1/shortages", "/api/v1/backlogs", "/api/v1/alerts")) {
            List<String> mpDistricts = districtsOf(dashboard.get(list, mpOperator).bodyAsJsonObject());
            assertThat(mpDistricts).as(list).contains(OWN).doesNotContain(BIHAR);
            assertThat(districtsOf(dashboard.get(list, indiaOperator).bodyAsJsonObject())).as(list).contains(OWN, BIHAR);
        }
        JsonObject overview = dashboard.get("/api/v1/overview", mpOperator).bodyAsJsonObject();
        assertThat(overview.getBoolean("stateWide")).isFalse();
        assertThat(overview.getJsonObject("worstByDistrict").fieldNames()).contains(OWN).doesNotContain(BIHAR);
        assertThat(overview.getJsonArray("lines")).isEmpty();
        JsonObject byDistrict = dashboard.get("/api/v1/workers/distribution?by=currentDistrict", mpOperator).bodyAsJsonObject();
        assertThat(byDistrict.getJsonArray("buckets").stream().map(b -> ((JsonObject) b).getString("key")))
                .contains(OWN).doesNotContain(BIHAR);
        // other test classes on the shared broker add MP districts' workers: the total is the sum of MP's buckets
        long mpWorkers = byDistrict.getJsonArray("buckets").stream().mapToLong(b -> ((JsonObject) b).getLong("count")).sum();
        assertThat(overview.getLong("workersTracked")).as("registry total of MP's districts only").isEqualTo(mpWorkers);
        assertThat(byDistrict.getLong("total")).isEqualTo(mpWorkers);
        assertThat(dashboard.get("/api/v1/geo", mpOperator).bodyAsJsonObject().getJsonArray("items").stream()
                .map(s -> ((JsonObject) s).getString("code"))).containsExactly(MP);
    }

    @Test
    @DisplayName("pages: the other state's district page is 403")
    void shouldGuardPages() {
        assertThat(page("/district/" + BIHAR, mpOperator)).isEqualTo(403);
        assertThat(page("/district/" + OWN, mpOperator)).isEqualTo(200);
        assertThat(page("/district/" + BIHAR, indiaOperator)).isEqualTo(200);
    }

    @Test
    @DisplayName("websocket: snapshots hold only the state's districts, a subscription to the other state's district is refused")
    void shouldKeepTheSocketToTheState() {
        WebSocketClient client = dashboard.vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(dashboard.port())
                .setURI("/ws?token=" + mpOperator.token())).await();
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        List<String> channels = List.of("shortages", "backlogs", "alerts", "ratings", "call-load");
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channels", new JsonArray(channels)).encode()).await();
        eventually(Duration.ofSeconds(30), () -> assertThat(frames.stream()
                .filter(f -> "snapshot".equals(f.getString("type"))).count()).isEqualTo(channels.size()));
        for (JsonObject snapshot : frames.stream().filter(f -> "snapshot".equals(f.getString("type"))).toList()) {
            List<String> districts = districtsOf(snapshot);
            assertThat(districts).as(snapshot.getString("channel")).doesNotContain(BIHAR);
            if (!"call-load".equals(snapshot.getString("channel"))) {
                assertThat(districts).as(snapshot.getString("channel")).contains(OWN);
            } else {
                assertThat(snapshot.getJsonArray("items")).as("state-wide call load").isEmpty();
            }
        }
        // a change in Bihar reaches the all-India operator's screens, never this one's
        Results.districtFigures(dashboard, BIHAR, Commodity.WATER);
        Results.districtFigures(dashboard, OWN, Commodity.WATER);
        eventually(Duration.ofSeconds(30), () -> assertThat(frames.stream().filter(f -> "update".equals(f.getString("type")))
                .map(f -> f.getValue("key").toString())).contains(OWN + "|water"));
        assertThat(frames.stream().filter(f -> "update".equals(f.getString("type")))
                .map(f -> f.getValue("key").toString())).noneMatch(k -> k.contains(BIHAR));

        frames.clear();
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channels", new JsonArray().add("shortages"))
                .put("district", BIHAR).encode()).await();
        eventually(Duration.ofSeconds(30), () -> assertThat(frames).anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("error")));
        assertThat(frames).noneSatisfy(f -> assertThat(f.getString("type")).isEqualTo("snapshot"));
        ws.close().await();
    }

    @Test
    @DisplayName("administration: states only for operators, and only known LGD state codes")
    void shouldValidateStates() {
        Login admin = dashboard.loginAdmin();
        JsonObject commander = new JsonObject().put("username", "st-cmd").put("password", PASSWORD).put("role", "commander")
                .put("districts", new JsonArray().add(OWN)).put("states", new JsonArray().add(MP));
        HttpResponse<Buffer> refused = dashboard.post("/api/v1/admin/users", admin, commander);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.bodyAsJsonObject().getString("field")).isEqualTo("states");
        JsonObject unknown = new JsonObject().put("username", "st-unknown").put("password", PASSWORD).put("role", "operator")
                .put("states", new JsonArray().add(MP).add("99"));
        HttpResponse<Buffer> bad = dashboard.post("/api/v1/admin/users", admin, unknown);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("states[1]");
        assertThat(bad.bodyAsJsonObject().getString("reason")).contains("99");
    }

    private int page(String path, Login who) {
        return dashboard.request(HttpMethod.GET, path).putHeader("Cookie", who.cookie()).send().await().statusCode();
    }

    private static List<String> districtsOf(JsonObject answer) {
        return answer.getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(o -> o.getString("district")).filter(d -> d != null).toList();
    }
}
