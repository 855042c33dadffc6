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
                get("/api/v1/audit", 403, 403, 403, 503));
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
