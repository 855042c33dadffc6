package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The access matrix: every endpoint × every role × own/other district, allowed exactly where it should be, and the
 * content of allowed answers holding only what the role may see. Own district 392 (Balaghat), other 393 (Barwani).
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTest {
    private static final String OWN = "392";
    private static final String OTHER = "393";
    private static final String PASSWORD = "matrix-password-1";
    private static final List<String> ROLES = List.of("operator", "commander", "responder", "admin");
    private TestDashboard dashboard;
    private final Map<String, Login> logins = new LinkedHashMap<>();
    private String ownMedicineAlert;
    private String ownRationAlert;
    private String otherAlert;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        dashboard.saveUser("mx-operator", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("mx-commander", PASSWORD, "commander", List.of(OWN), List.of());
        dashboard.saveUser("mx-responder", PASSWORD, "responder", List.of(OWN), List.of("medicine"));
        for (String role : ROLES) {
            logins.put(role, role.equals("admin") ? dashboard.loginAdmin() : dashboard.login("mx-" + role, PASSWORD));
        }
        Results.districtFigures(dashboard, OWN, Commodity.MEDICINE);
        Results.districtFigures(dashboard, OTHER, Commodity.MEDICINE);
        var ration = Results.alert(OWN, Commodity.RATION, AlertState.ACTIVE);
        dashboard.produce(ResultTopics.ALERTS, ration.id(), ration);
        dashboard.produce(ResultTopics.CALL_LOAD, "mx-181", Results.line("mx-181", 1, 10));
        ownMedicineAlert = Results.alert(OWN, Commodity.MEDICINE, AlertState.ACTIVE).id();
        ownRationAlert = ration.id();
        otherAlert = Results.alert(OTHER, Commodity.MEDICINE, AlertState.ACTIVE).id();
        eventually(Duration.ofSeconds(20), () -> assertThat(dashboard.get("/api/v1/alerts?district=" + OWN,
                logins.get("operator")).bodyAsJsonObject().getJsonArray("items")).hasSizeGreaterThanOrEqualTo(2));
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    /** One row: a request and the status each role (operator, commander, responder, admin) must get. */
    private record Row(HttpMethod method, String path, JsonObject body, int operator, int commander, int responder, int admin) {
        int expected(String role) {
            return switch (role) {
                case "operator" -> operator;
                case "commander" -> commander;
                case "responder" -> responder;
                default -> admin;
            };
        }
    }

    private static Row get(String path, int op, int cmd, int resp, int adm) {
        return new Row(HttpMethod.GET, path, null, op, cmd, resp, adm);
    }

    private static Row post(String path, JsonObject body, int op, int cmd, int resp, int adm) {
        return new Row(HttpMethod.POST, path, body, op, cmd, resp, adm);
    }

    private static String enc(String alertId) {
        return URLEncoder.encode(alertId, StandardCharsets.UTF_8);
    }

    private static String ack(String alertId) {
        return "/api/v1/alerts/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8) + "/ack";
    }

    @Test
    @DisplayName("every JSON endpoint and page answers each role exactly as the matrix says, for its own and another district")
    void shouldAllowExactlyWhereTheMatrixSays() {
        JsonObject newUser = new JsonObject().put("username", "mx-made").put("password", "made-password-1")
                .put("role", "operator");
        List<Row> rows = List.of(
                get("/api/v1/me", 200, 200, 200, 200),
                get("/api/v1/overview", 200, 200, 200, 200),
                get("/api/v1/districts/" + OWN, 200, 200, 200, 200),
                get("/api/v1/districts/" + OTHER, 200, 403, 403, 200),
                get("/api/v1/shortages", 200, 200, 200, 200),
                get("/api/v1/shortages?district=" + OWN, 200, 200, 200, 200),
                get("/api/v1/shortages?district=" + OTHER, 200, 403, 403, 200),
                get("/api/v1/backlogs?district=" + OWN, 200, 200, 200, 200),
                get("/api/v1/backlogs?district=" + OTHER, 200, 403, 403, 200),
                get("/api/v1/calls/load", 200, 403, 403, 200),
                get("/api/v1/workers/distribution?by=currentDistrict", 200, 200, 200, 200),
                get("/api/v1/workers/distribution?by=homeDistrict", 200, 200, 200, 200),
                get("/api/v1/workers/distribution?by=currentState", 200, 403, 403, 200),
                get("/api/v1/workers/distribution?by=skill", 200, 403, 403, 200),
                get("/api/v1/workers/distribution?by=status", 200, 403, 403, 200),
                get("/api/v1/alerts", 200, 200, 200, 200),
                get("/api/v1/alerts?district=" + OWN, 200, 200, 200, 200),
                get("/api/v1/alerts?district=" + OTHER, 200, 403, 403, 200),
                post(ack(ownMedicineAlert), new JsonObject(), 202, 202, 202, 202),
                post(ack(ownRationAlert), new JsonObject(), 202, 202, 403, 202),
                post(ack(otherAlert), new JsonObject(), 202, 403, 403, 202),
                get("/api/v1/admin/users", 403, 403, 403, 200),
                get("/api/v1/admin/keys", 403, 403, 403, 200),
                post("/api/v1/admin/users", newUser, 403, 403, 403, 201),
                post("/api/v1/admin/keys", new JsonObject().put("source", "mx-source"), 403, 403, 403, 201),
                get("/api/v1/audit", 403, 403, 403, 503),
                get("/api/v1/admin/users/admin", 403, 403, 403, 200),
                new Row(HttpMethod.DELETE, "/api/v1/admin/keys/0123456789ab", null, 403, 403, 403, 404),
                // reference data and maps: not personal, not district-bound
                get("/api/v1/districts", 200, 200, 200, 200),
                get("/api/v1/geo", 200, 200, 200, 200),
                get("/api/v1/geo/23", 200, 200, 200, 200),
                get("/api/v1/geo/india", 200, 200, 200, 200),
                // Elasticsearch-backed (unreachable here): allowed answers 503, refused ones 403 before any query
                get("/api/v1/search?q=x", 503, 503, 503, 503),
                get("/api/v1/search?q=x&district=" + OWN, 503, 503, 503, 503),
                get("/api/v1/search?q=x&district=" + OTHER, 503, 403, 403, 503),
                get("/api/v1/workers/search?q=x", 503, 503, 503, 503),
                get("/api/v1/workers/search?q=x&district=" + OTHER, 503, 403, 403, 503),
                get("/api/v1/districts/" + OWN + "/trends", 503, 503, 503, 503),
                get("/api/v1/districts/" + OTHER + "/trends", 503, 403, 403, 503),
                get("/api/v1/alerts/history?district=" + OWN, 503, 503, 503, 503),
                get("/api/v1/alerts/history?district=" + OTHER, 503, 403, 403, 503),
                get("/api/v1/report?district=" + OWN, 503, 503, 503, 503),
                get("/api/v1/report?district=" + OTHER, 503, 403, 403, 503),
                get("/api/v1/charts/trend.png?district=" + OWN, 503, 503, 503, 503),
                get("/api/v1/charts/trend.png?district=" + OTHER, 503, 403, 403, 503),
                // the report as PDF (Elasticsearch-backed), kept editions (state-wide), the public bulletin's switch
                get("/api/v1/report.pdf?district=" + OWN, 503, 503, 503, 503),
                get("/api/v1/report.pdf?district=" + OTHER, 503, 403, 403, 503),
                get("/api/v1/report.pdf?edition=08:00", 404, 403, 403, 404),
                get("/api/v1/reports/editions", 200, 200, 200, 200),
                get("/api/v1/admin/bulletin", 403, 403, 403, 200),
                new Row(HttpMethod.PUT, "/api/v1/admin/bulletin", new JsonObject(), 403, 403, 403, 400),
                // social-media posts: the state war room's (operators, administrators)
                get("/api/v1/posts", 200, 403, 403, 200),
                new Row(HttpMethod.PUT, "/api/v1/posts/P-NONE", new JsonObject(), 404, 403, 403, 404),
                post("/api/v1/posts/P-NONE/approve", new JsonObject(), 404, 403, 403, 404),
                // alert delivery: subscriptions and the delivery log
                get("/api/v1/subscriptions", 200, 200, 200, 200),
                get("/api/v1/subscriptions?user=mx-operator", 200, 403, 403, 200),
                post("/api/v1/subscriptions", new JsonObject().put("user", "mx-operator"), 200, 403, 403, 200),
                // removing: one's own (none here: 404), another's only as an administrator
                new Row(HttpMethod.DELETE, "/api/v1/subscriptions/mx-commander", null, 403, 404, 403, 404),
                get("/api/v1/alerts/" + enc(ownMedicineAlert) + "/deliveries", 200, 200, 200, 200),
                get("/api/v1/alerts/" + enc(ownRationAlert) + "/deliveries", 200, 200, 403, 200),
                get("/api/v1/alerts/" + enc(otherAlert) + "/deliveries", 200, 403, 403, 200));
        List<String> holes = new ArrayList<>();
        for (Row row : rows) {
            for (String role : ROLES) {
                Login who = logins.get(role);
                var request = dashboard.request(row.method(), row.path()).bearerTokenAuthentication(who.token());
                HttpResponse<Buffer> answer = row.body() == null ? request.send().await() : request.sendJsonObject(row.body()).await();
                if (answer.statusCode() != row.expected(role)) {
                    holes.add(row.method() + " " + row.path() + " as " + role + ": " + answer.statusCode()
                            + " (expected " + row.expected(role) + ") " + answer.bodyAsString());
                }
            }
        }
        assertThat(holes).isEmpty();
    }

    @Test
    @DisplayName("wave 2: an officer and an agent on search (desk complaints, issue 20) and the desk: own district allowed, another refused")
    void shouldScopeOfficersAndAgents() {
        Login admin = logins.get("admin");
        for (String[] u : new String[][] {{"mx-officer", "officer"}, {"mx-agent", "agent"}}) {
            JsonObject user = new JsonObject().put("username", u[0]).put("password", PASSWORD).put("role", u[1])
                    .put("districts", new io.vertx.core.json.JsonArray().add(OWN));
            if (u[1].equals("officer")) {
                user.put("departments", new io.vertx.core.json.JsonArray().add("Health"));
            }
            HttpResponse<Buffer> made = dashboard.post("/api/v1/admin/users", admin, user);
            assertThat(made.statusCode()).as(made.bodyAsString()).isIn(200, 201);
        }
        Map<String, Login> wave2 = Map.of("officer", dashboard.login("mx-officer", PASSWORD),
                "agent", dashboard.login("mx-agent", PASSWORD));
        // path → status for officer, agent (search is Elasticsearch-backed, unreachable here: allowed answers 503)
        Map<String, int[]> rows = new LinkedHashMap<>();
        rows.put("/api/v1/search?q=x", new int[] {503, 503});
        rows.put("/api/v1/search?q=x&feed=complaints", new int[] {503, 503});
        rows.put("/api/v1/search?q=MP-" + OWN + "-000001&feed=complaints&district=" + OWN, new int[] {503, 503});
        rows.put("/api/v1/search?q=x&feed=complaints&district=" + OTHER, new int[] {403, 403});
        rows.put("/api/v1/search?q=x&feed=log", new int[] {403, 403});
        rows.put("/api/v1/complaints?district=" + OWN, new int[] {200, 200});
        rows.put("/api/v1/complaints?district=" + OTHER, new int[] {403, 403});
        List<String> holes = new ArrayList<>();
        rows.forEach((path, expected) -> {
            for (int i = 0; i < 2; i++) {
                String role = i == 0 ? "officer" : "agent";
                HttpResponse<Buffer> answer = dashboard.get(path, wave2.get(role));
                if (answer.statusCode() != expected[i]) {
                    holes.add("GET " + path + " as " + role + ": " + answer.statusCode() + " (expected " + expected[i]
                            + ") " + answer.bodyAsString());
                }
            }
        });
        assertThat(holes).isEmpty();
    }

    @Test
    @DisplayName("pages: district page outside the scope 403, admin page for admins only, whatever the URL")
    void shouldGuardPagesByRole() {
        for (String role : ROLES) {
            Login who = logins.get(role);
            int own = page("/district/" + OWN, who);
            int other = page("/district/" + OTHER, who);
            int otherPadded = page("/district/0" + OTHER, who);
            int admin = page("/admin", who);
            assertThat(own).as(role + " own district page").isIn(200, 404);
            assertThat(page("/district/99999", who)).isEqualTo(404);
            boolean stateWide = role.equals("operator") || role.equals("admin");
            assertThat(other).as(role + " other district page").isEqualTo(stateWide ? own : 403);
            assertThat(otherPadded).as(role + " other district page, zero-padded").isEqualTo(stateWide ? own : 403);
            assertThat(admin).as(role + " admin page").isEqualTo(role.equals("admin") ? own : 403);
        }
    }

    @Test
    @DisplayName("websocket: every channel x role x (no district, own, other): snapshots only within scope, errors outside, nothing state-wide for district roles")
    void shouldScopeEveryWebsocketChannel() {
        List<String> channels = List.of("shortages", "backlogs", "call-load", "worker-distribution", "worker-totals",
                "ratings", "alerts", "unlocated-messages");
        List<String> stateWideOnly = List.of("call-load", "worker-totals", "unlocated-messages");
        io.vertx.core.http.WebSocketClient client = dashboard.vertx.createWebSocketClient();
        List<String> holes = new ArrayList<>();
        for (String role : ROLES) {
            boolean stateWide = role.equals("operator") || role.equals("admin");
            List<JsonObject> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
            io.vertx.core.http.WebSocket ws = client.connect(new io.vertx.core.http.WebSocketConnectOptions()
                    .setHost("127.0.0.1").setPort(dashboard.port()).setURI("/ws?token=" + logins.get(role).token())).await();
            ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
            for (String channel : channels) {
                for (String district : java.util.Arrays.asList(null, OWN, OTHER)) {
                    frames.clear();
                    JsonObject subscribe = new JsonObject().put("type", "subscribe").put("channels", new io.vertx.core.json.JsonArray().add(channel));
                    if (district != null) {
                        subscribe.put("district", district);
                    }
                    ws.writeTextMessage(subscribe.encode()).await();
                    JsonObject answer = eventuallyGet(() -> frames.stream().filter(f -> "error".equals(f.getString("type"))
                            || ("snapshot".equals(f.getString("type")) && channel.equals(f.getString("channel")))).findFirst());
                    String where = role + " " + channel + " district=" + district + ": ";
                    boolean mayAsk = district == null || district.equals(OWN) || stateWide;
                    if (!mayAsk) {
                        if (!"error".equals(answer.getString("type"))) {
                            holes.add(where + "expected an error, got " + answer.encode());
                        }
                        continue;
                    }
                    if (!"snapshot".equals(answer.getString("type"))) {
                        holes.add(where + "expected a snapshot, got " + answer.encode());
                        continue;
                    }
                    List<JsonObject> items = answer.getJsonArray("items").stream().map(JsonObject.class::cast).toList();
                    if (!stateWide && stateWideOnly.contains(channel) && !items.isEmpty()) {
                        holes.add(where + "state-wide values reached a district role: " + items.size());
                    }
                    for (JsonObject item : items) {
                        String d = item.getString("district");
                        if (!stateWide && d != null && !d.equals(OWN)) {
                            holes.add(where + "a value of district " + d);
                        }
                        if (role.equals("responder") && channel.equals("alerts") && item.getString("commodity") != null
                                && !item.getString("commodity").equals("medicine")) {
                            holes.add(where + "an alert outside the responder's categories: " + item.getString("commodity"));
                        }
                    }
                    if (stateWide && district == null && channel.equals("call-load") && items.isEmpty()) {
                        holes.add(where + "no call load for a state-wide role");
                    }
                }
            }
            ws.close().await();
        }
        assertThat(holes).isEmpty();
    }

    private static JsonObject eventuallyGet(java.util.function.Supplier<java.util.Optional<JsonObject>> frame) {
        java.util.concurrent.atomic.AtomicReference<JsonObject> found = new java.util.concurrent.atomic.AtomicReference<>();
        eventually(Duration.ofSeconds(20), () -> {
            java.util.Optional<JsonObject> f = frame.get();
            assertThat(f).isPresent();
            found.set(f.get());
        });
        return found.get();
    }

    @Test
    @DisplayName("pages: every page needs a session; each role reaches its pages; the acknowledge link needs a valid token, not a session")
    void shouldGuardEveryPage() {
        for (String path : List.of("/", "/india", "/alerts", "/workers", "/search", "/report", "/admin", "/district/" + OWN)) {
            var anonymous = dashboard.request(HttpMethod.GET, path).send().await();
            assertThat(anonymous.statusCode()).as("anonymous " + path).isEqualTo(302);
            assertThat(anonymous.getHeader("Location")).startsWith("/login?next=");
            for (String role : ROLES) {
                int status = page(path, logins.get(role));
                int expected = path.equals("/admin") && !role.equals("admin") ? 403 : 200;
                assertThat(status).as(role + " " + path).isEqualTo(expected);
            }
        }
        assertThat(dashboard.request(HttpMethod.GET, "/login").send().await().statusCode()).isEqualTo(200);
        for (String role : ROLES) {
            var forged = dashboard.request(HttpMethod.GET, "/ack/forged-token").putHeader("Cookie", logins.get(role).cookie())
                    .send().await();
            assertThat(forged.statusCode()).as(role + " forged ack link").isEqualTo(403);
        }
        assertThat(dashboard.request(HttpMethod.GET, "/ack/forged-token").send().await().statusCode()).isEqualTo(403);
    }

    private int page(String path, Login who) {
        return dashboard.request(HttpMethod.GET, path).putHeader("Cookie", who.cookie()).send().await().statusCode();
    }

    @Test
    @DisplayName("allowed answers hold only the viewer's districts; responders see only their categories' alerts")
    void shouldScopeContent() {
        for (String role : List.of("commander", "responder")) {
            Login who = logins.get(role);
            for (String path : List.of("/api/v1/shortages", "/api/v1/backlogs", "/api/v1/alerts")) {
                assertThat(districts(dashboard.get(path, who).bodyAsJsonObject())).as(role + " " + path).containsOnly(OWN);
            }
            JsonObject overview = dashboard.get("/api/v1/overview", who).bodyAsJsonObject();
            assertThat(overview.getJsonArray("lines")).isEmpty();
            assertThat(overview.getBoolean("stateWide")).isFalse();
            assertThat(overview.getJsonObject("worstByDistrict").fieldNames()).containsOnly(OWN);
            JsonObject dist = dashboard.get("/api/v1/workers/distribution?by=currentDistrict", who).bodyAsJsonObject();
            assertThat(dist.getJsonArray("buckets").stream().map(JsonObject.class::cast).map(b -> b.getString("key")))
                    .containsOnly(OWN);
            assertThat(dist.getLong("total")).isEqualTo(40L);
        }
        JsonObject alerts = dashboard.get("/api/v1/alerts", logins.get("responder")).bodyAsJsonObject();
        assertThat(alerts.getJsonArray("items").stream().map(JsonObject.class::cast).map(a -> a.getString("commodity")))
                .containsOnly("medicine");
        JsonObject commanderAlerts = dashboard.get("/api/v1/alerts", logins.get("commander")).bodyAsJsonObject();
        assertThat(commanderAlerts.getJsonArray("items").stream().map(JsonObject.class::cast).map(a -> a.getString("commodity")))
                .contains("medicine", "ration");
        assertThat(districts(dashboard.get("/api/v1/shortages", logins.get("operator")).bodyAsJsonObject())).contains(OWN, OTHER);
        assertThat(dashboard.get("/api/v1/me", logins.get("operator")).bodyAsJsonObject().getBoolean("personalData")).isFalse();
        assertThat(dashboard.get("/api/v1/me", logins.get("commander")).bodyAsJsonObject().getBoolean("personalData")).isTrue();
    }

    private static Stream<String> districts(JsonObject list) {
        return list.getJsonArray("items").stream().map(JsonObject.class::cast).map(o -> o.getString("district"));
    }
}
