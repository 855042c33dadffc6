package org.warroom.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The access matrix of the grievance desk: every complaint endpoint × every role (the four of wave 1 and the new
 * officer and agent) × own/other district, allowed exactly where {@link ComplaintAccess} says; and what the allowed
 * answers hold. Own district 398 (Chhatarpur), other 399 (Chhindwara); the officer works Food and Civil Supplies.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintAccessMatrixIntegrationTest {
    private static final String OWN = "398";
    private static final String OTHER = "399";
    private static final String PASSWORD = "matrix-password-2";
    private static final List<String> ROLES = List.of("operator", "commander", "responder", "admin", "officer", "agent");
    private TestDashboard dashboard;
    private final Map<String, Login> logins = new LinkedHashMap<>();
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        admin = dashboard.loginAdmin();
        user("cx-operator", "operator", List.of(), List.of(), List.of());
        user("cx-commander", "commander", List.of(OWN), List.of(), List.of());
        user("cx-responder", "responder", List.of(OWN), List.of("ration"), List.of());
        user("cx-officer", "officer", List.of(OWN), List.of(), List.of("Food and Civil Supplies"));
        user("cx-agent", "agent", List.of(), List.of(), List.of());
        for (String role : ROLES) {
            logins.put(role, role.equals("admin") ? admin : dashboard.login("cx-" + role, PASSWORD));
        }
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private void user(String name, String role, List<String> districts, List<String> categories, List<String> departments) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/admin/users", admin, new JsonObject().put("username", name)
                .put("password", PASSWORD).put("role", role).put("districts", new JsonArray(districts))
                .put("categories", new JsonArray(categories)).put("departments", new JsonArray(departments)));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 201);
    }

    private static JsonObject complaint(String district, String category) {
        return new JsonObject().put("phone", "+919812345678").put("name", "Matrix Caller").put("district", district)
                .put("category", category).put("text", "matrix complaint");
    }

    private JsonObject registered(String district, String category) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/complaints", admin, complaint(district, category));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        return answer.bodyAsJsonObject();
    }

    private int act(String role, JsonObject c, String action) {
        return dashboard.post("/api/v1/complaints/" + c.getString("number") + "/actions", logins.get(role),
                new JsonObject().put("action", action).put("version", c.getLong("version")).put("note", "by " + role))
                .statusCode();
    }

    /** Expected status per role, in the order of {@link #ROLES}. */
    private void expect(String what, Map<String, Integer> actual, int... expected) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        for (int i = 0; i < ROLES.size(); i++) {
            wanted.put(ROLES.get(i), expected[i]);
        }
        assertThat(actual).as(what).isEqualTo(wanted);
    }

    @Test
    @DisplayName("register, read, comment, resolve, routing: each of the six roles allowed exactly where the matrix says")
    void shouldAllowExactlyWhereTheMatrixSays() {
        JsonObject ownFood = registered(OWN, "ration");
        JsonObject ownLabour = registered(OWN, "wages");
        JsonObject other = registered(OTHER, "ration");
        Map<String, Integer> registerOwn = new LinkedHashMap<>();
        Map<String, Integer> registerOther = new LinkedHashMap<>();
        Map<String, Integer> list = new LinkedHashMap<>();
        Map<String, Integer> getOwn = new LinkedHashMap<>();
        Map<String, Integer> getOwnLabour = new LinkedHashMap<>();
        Map<String, Integer> getOther = new LinkedHashMap<>();
        Map<String, Integer> comment = new LinkedHashMap<>();
        Map<String, Integer> resolve = new LinkedHashMap<>();
        Map<String, Integer> reject = new LinkedHashMap<>();
        Map<String, Integer> routing = new LinkedHashMap<>();
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (String role : ROLES) {
            Login who = logins.get(role);
            registerOwn.put(role, dashboard.post("/api/v1/complaints", who, complaint(OWN, "ration")).statusCode());
            registerOther.put(role, dashboard.post("/api/v1/complaints", who, complaint(OTHER, "ration")).statusCode());
            list.put(role, dashboard.get("/api/v1/complaints", who).statusCode());
            getOwn.put(role, dashboard.get("/api/v1/complaints/" + ownFood.getString("number"), who).statusCode());
            getOwnLabour.put(role, dashboard.get("/api/v1/complaints/" + ownLabour.getString("number"), who).statusCode());
            getOther.put(role, dashboard.get("/api/v1/complaints/" + other.getString("number"), who).statusCode());
            JsonObject current = dashboard.get("/api/v1/complaints/" + ownFood.getString("number"), admin).bodyAsJsonObject();
            comment.put(role, act(role, current, "comment"));
            resolve.put(role, act(role, registered(OWN, "ration"), "resolve"));
            reject.put(role, act(role, registered(OWN, "ration"), "reject"));
            routing.put(role, dashboard.get("/api/v1/admin/routing", who).statusCode());
            pages.put(role, dashboard.request(io.vertx.core.http.HttpMethod.GET, "/complaints/new")
                    .putHeader("Cookie", who.cookie()).send().await().statusCode());
        }
        //                                 operator commander responder admin officer agent
        expect("register in own district", registerOwn, 201, 201, 403, 201, 201, 201);
        expect("register in other district", registerOther, 201, 403, 403, 201, 403, 201);
        expect("inbox", list, 200, 200, 200, 200, 200, 200);
        expect("own district, Food desk", getOwn, 200, 200, 200, 200, 200, 200);
        expect("own district, Labour desk", getOwnLabour, 200, 200, 200, 200, 403, 200);
        expect("other district", getOther, 200, 403, 403, 200, 403, 200);
        expect("comment", comment, 200, 200, 403, 200, 200, 200);
        expect("resolve", resolve, 403, 200, 403, 200, 200, 403);
        expect("reject", reject, 403, 200, 403, 200, 200, 403);
        expect("routing table", routing, 403, 403, 403, 200, 403, 403);
        expect("new complaint page", pages, 200, 200, 200, 200, 200, 200);
    }

    @Test
    @DisplayName("answers hold only the viewer's complaints; phone masked and name left out unless the role sees personal data")
    void shouldScopeContent() {
        registered(OWN, "ration");
        registered(OWN, "wages");
        registered(OTHER, "ration");
        JsonArray officer = dashboard.get("/api/v1/complaints", logins.get("officer")).bodyAsJsonObject().getJsonArray("items");
        assertThat(officer).isNotEmpty();
        officer.stream().map(JsonObject.class::cast).forEach(c -> {
            assertThat(c.getString("district")).isEqualTo(OWN);
            assertThat(c.getString("department")).isEqualTo("Food and Civil Supplies");
            assertThat(c.getString("phone")).isEqualTo("+919812345678");
            assertThat(c.getString("name")).isEqualTo("Matrix Caller");
        });
        JsonArray commander = dashboard.get("/api/v1/complaints", logins.get("commander")).bodyAsJsonObject().getJsonArray("items");
        assertThat(commander.stream().map(c -> ((JsonObject) c).getString("district"))).containsOnly(OWN);
        assertThat(commander.stream().map(c -> ((JsonObject) c).getString("department")))
                .contains("Food and Civil Supplies", "Labour");
        for (String role : List.of("operator", "agent", "responder")) {
            JsonArray items = dashboard.get("/api/v1/complaints", logins.get(role)).bodyAsJsonObject().getJsonArray("items");
            assertThat(items).as(role).isNotEmpty();
            // Other test classes register complaints on the same broker: every phone masked, ours among them.
            items.stream().map(JsonObject.class::cast).forEach(c -> {
                assertThat(c.getString("phone")).as(role).matches("\\+91\\*{6}\\d{4}");
                assertThat(c.containsKey("name")).as(role).isFalse();
            });
            assertThat(items.stream().map(c -> ((JsonObject) c).getString("phone"))).as(role).contains("+91******5678");
        }
        JsonArray agent = dashboard.get("/api/v1/complaints", logins.get("agent")).bodyAsJsonObject().getJsonArray("items");
        assertThat(agent.stream().map(JsonObject.class::cast).filter(c -> OWN.equals(c.getString("district"))).findFirst()
                .orElseThrow().getJsonArray("actions").getList()).containsExactly("comment");
    }
}
