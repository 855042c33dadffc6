package org.warroom.dashboard.display;

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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.event.Commodity;
import org.warroom.dashboard.api.Results;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Wall displays against a real dashboard and Kafka: registered by an administrator, enrolled once by the address
 * with the credential, read-only and scoped to their state, never timing out like a person's session, and blanked
 * within moments of being revoked (its open websocket closed long before the next 20 s ping).
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplaysIntegrationTest {
    private static final String MP = "23";
    private static final String OWN = "392";
    private static final String BIHAR = "230";
    private TestDashboard dashboard;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES, Map.of("dashboard.session.idle", "30m",
                "dashboard.session.absolute", "12h"));
        admin = dashboard.loginAdmin();
        Results.districtFigures(dashboard, OWN, Commodity.MEDICINE);
        Results.districtFigures(dashboard, BIHAR, Commodity.MEDICINE);
        eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/shortages", admin).bodyAsJsonObject()
                .getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("district"))).contains(OWN, BIHAR));
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private JsonObject register(JsonObject body) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/admin/displays", admin, body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        return answer.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> asDisplay(HttpMethod method, String path, String credential) {
        return dashboard.request(method, path).bearerTokenAuthentication(credential).send().await();
    }

    private HttpResponse<Buffer> withCookie(String path, String cookie) {
        return dashboard.request(HttpMethod.GET, path).followRedirects(false).putHeader("Cookie", cookie).send().await();
    }

    @Test
    @DisplayName("registration: the credential shown once, a clear error naming the field, administrators only")
    void shouldRegisterAndValidate() {
        JsonObject made = register(new JsonObject().put("name", "Wall, state war room").put("view", "wall").put("state", MP)
                .put("rotate", true));
        assertThat(made.getString("credential")).matches("wrd_" + made.getString("id") + "_[A-Za-z0-9_-]{43}");
        assertThat(made.getString("url")).isEqualTo("/display/" + made.getString("id") + "?key=" + made.getString("credential"));
        assertThat(made.getString("page")).isEqualTo("/?display=" + made.getString("id") + "&state=23&kiosk=1");
        JsonArray listed = dashboard.get("/api/v1/admin/displays", admin).bodyAsJsonObject().getJsonArray("items");
        assertThat(listed.encode()).contains(made.getString("id")).doesNotContain(made.getString("credential"))
                .doesNotContain("sha256");

        record Bad(JsonObject body, String field) {
        }
        List<Bad> bad = List.of(
                new Bad(new JsonObject().put("view", "wall"), "name"),
                new Bad(new JsonObject().put("name", "x"), "view"),
                new Bad(new JsonObject().put("name", "x").put("view", "map"), "view"),
                new Bad(new JsonObject().put("name", "x").put("view", "district"), "district"),
                new Bad(new JsonObject().put("name", "x").put("view", "wall").put("state", "99"), "state"),
                new Bad(new JsonObject().put("name", "x").put("view", "district").put("district", "99999"), "district"),
                new Bad(new JsonObject().put("name", "x").put("view", "district").put("district", BIHAR).put("state", MP), "district"),
                new Bad(new JsonObject().put("name", "x").put("view", "alerts").put("rotate", true), "rotate"));
        List<String> holes = new ArrayList<>();
        for (Bad b : bad) {
            HttpResponse<Buffer> answer = dashboard.post("/api/v1/admin/displays", admin, b.body());
            String field = answer.statusCode() == 400 ? answer.bodyAsJsonObject().getString("field") : null;
            if (!b.field().equals(field)) {
                holes.add(b.body().encode() + " → " + answer.statusCode() + " " + answer.bodyAsString());
            }
        }
        assertThat(holes).isEmpty();
        dashboard.saveUser("dp-operator", "display-password-1", "operator", List.of(), List.of());
        Login operator = dashboard.login("dp-operator", "display-password-1");
        assertThat(dashboard.post("/api/v1/admin/displays", operator, new JsonObject().put("name", "x").put("view", "wall"))
                .statusCode()).isEqualTo(403);
        HttpResponse<Buffer> asRole = dashboard.post("/api/v1/admin/users", admin, new JsonObject().put("username", "dp-device")
                .put("password", "display-password-1").put("role", "display"));
        assertThat(asRole.statusCode()).isEqualTo(400);
        assertThat(asRole.bodyAsJsonObject().getString("field")).isEqualTo("role");
    }

    @Test
    @DisplayName("a screen enrols once by its address, then opens its view by its own cookie, with no login ever")
    void shouldEnrolByAddressThenOpenItsView() {
        JsonObject made = register(new JsonObject().put("name", "District wall, Balaghat").put("view", "district")
                .put("district", OWN));
        String id = made.getString("id");
        HttpResponse<Buffer> enrol = dashboard.request(HttpMethod.GET, made.getString("url")).followRedirects(false).send().await();
        assertThat(enrol.statusCode()).isEqualTo(302);
        assertThat(enrol.getHeader("Location")).isEqualTo("/display/" + id);
        String setCookie = enrol.cookies().stream().filter(c -> c.startsWith("warroom_display=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict").contains("Max-Age=34560000");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<Buffer> open = withCookie("/display/" + id, cookie);
        assertThat(open.statusCode()).isEqualTo(302);
        assertThat(open.getHeader("Location")).isEqualTo("/district/" + OWN + "?display=" + id);
        assertThat(withCookie("/district/" + OWN + "?display=" + id, cookie).statusCode()).isEqualTo(200);
        assertThat(withCookie("/district/" + BIHAR, cookie).statusCode()).as("another district's page").isEqualTo(403);
        assertThat(withCookie("/admin", cookie).statusCode()).isEqualTo(403);
        assertThat(withCookie("/search", cookie).statusCode()).isEqualTo(403);
        assertThat(withCookie("/api/v1/me", cookie).bodyAsJsonObject().getString("role")).isEqualTo("display");

        HttpResponse<Buffer> wrongKey = dashboard.request(HttpMethod.GET, "/display/" + id + "?key=wrd_" + id + "_"
                + "A".repeat(43)).followRedirects(false).send().await();
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(wrongKey.bodyAsString()).contains("revoked").contains("रद्द");
        assertThat(wrongKey.cookies()).noneMatch(c -> c.startsWith("warroom_display="));

        eventually(Duration.ofSeconds(20), () -> {
            List<AuditEvent> trail = dashboard.readAll(AuditTopics.AUDIT).stream()
                    .filter(e -> ("display/" + id).equals(e.actor())).toList();
            assertThat(trail.stream().map(AuditEvent::action)).contains("display.enrol", "display.open", "display.refused");
        });
    }

    @Test
    @DisplayName("read-only and scoped: its state's figures only, nothing written, no search, no administration")
    void shouldOnlyReadItsView() {
        String credential = register(new JsonObject().put("name", "Wall MP").put("view", "wall").put("state", MP))
                .getString("credential");
        JsonObject me = asDisplay(HttpMethod.GET, "/api/v1/me", credential).bodyAsJsonObject();
        assertThat(me.getString("role")).isEqualTo("display");
        assertThat(me.getBoolean("personalData")).isFalse();
        assertThat(me.getJsonArray("states")).containsExactly(MP);
        assertThat(asDisplay(HttpMethod.GET, "/api/v1/shortages", credential).bodyAsJsonObject().getJsonArray("items")
                .stream().map(o -> ((JsonObject) o).getString("district"))).contains(OWN).doesNotContain(BIHAR);
        assertThat(asDisplay(HttpMethod.GET, "/api/v1/overview", credential).statusCode()).isEqualTo(200);
        assertThat(asDisplay(HttpMethod.GET, "/api/v1/geo", credential).bodyAsJsonObject().getJsonArray("items").stream()
                .map(s -> ((JsonObject) s).getString("code"))).containsExactly(MP);
        assertThat(asDisplay(HttpMethod.GET, "/api/v1/districts/" + BIHAR, credential).statusCode()).isEqualTo(403);
        for (String path : List.of("/api/v1/search?q=x", "/api/v1/workers/search?q=x", "/api/v1/complaints",
                "/api/v1/admin/users", "/api/v1/audit", "/api/v1/subscriptions", "/api/v1/report.pdf")) {
            assertThat(asDisplay(HttpMethod.GET, path, credential).statusCode()).as(path).isEqualTo(403);
        }
        String alert = Results.alert(OWN, Commodity.MEDICINE, org.warroom.contracts.result.AlertState.ACTIVE).id();
        HttpResponse<Buffer> ack = dashboard.request(HttpMethod.POST, "/api/v1/alerts/"
                + java.net.URLEncoder.encode(alert, java.nio.charset.StandardCharsets.UTF_8) + "/ack")
                .bearerTokenAuthentication(credential).sendJsonObject(new JsonObject()).await();
        assertThat(ack.statusCode()).isEqualTo(403);
        assertThat(ack.bodyAsString()).contains("display");
        assertThat(asDisplay(HttpMethod.DELETE, "/api/v1/session", credential).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("past every session limit a display still works, a person's session does not")
    void shouldOutliveSessionLimits() {
        String credential = register(new JsonObject().put("name", "Alerts board").put("view", "alerts")).getString("credential");
        dashboard.saveUser("dp-person", "display-password-2", "operator", List.of(), List.of());
        Login person = dashboard.login("dp-person", "display-password-2");
        assertThat(dashboard.get("/api/v1/me", person).statusCode()).isEqualTo(200);
        dashboard.clock.advance(Duration.ofDays(3));
        try {
            assertThat(dashboard.get("/api/v1/me", person).statusCode()).as("a person after 3 days").isEqualTo(401);
            assertThat(asDisplay(HttpMethod.GET, "/api/v1/me", credential).statusCode()).as("a display after 3 days").isEqualTo(200);
            assertThat(asDisplay(HttpMethod.GET, "/api/v1/alerts", credential).statusCode()).isEqualTo(200);
        } finally {
            admin = dashboard.loginAdmin(); // the administrator's session expired too
        }
    }

    @Test
    @DisplayName("revoking closes the display's open screen within seconds (not at the next ping) and refuses it from then on")
    void shouldBlankWithinSecondsOfRevocation() {
        JsonObject made = register(new JsonObject().put("name", "Wall to revoke").put("view", "wall"));
        String credential = made.getString("credential");
        WebSocketClient client = dashboard.vertx.createWebSocketClient();
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        AtomicInteger closedWith = new AtomicInteger(-1);
        WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(dashboard.port())
                .setURI("/ws?token=" + credential)).await();
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        ws.closeHandler(v -> closedWith.set(ws.closeStatusCode() == null ? 0 : ws.closeStatusCode()));
        ws.writeTextMessage(new JsonObject().put("type", "subscribe").put("channels", new JsonArray().add("shortages")).encode()).await();
        eventually(Duration.ofSeconds(20), () -> assertThat(frames).anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("snapshot")));

        HttpResponse<Buffer> revoked = dashboard.request(HttpMethod.DELETE, "/api/v1/admin/displays/" + made.getString("id"))
                .bearerTokenAuthentication(admin.token()).send().await();
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.bodyAsJsonObject().getString("revokedAt")).isNotNull();
        // the ping (and the usual session re-check) is 20 s away: closing within 5 s shows the revocation pushed
        eventually(Duration.ofSeconds(5), () -> assertThat(closedWith.get()).isEqualTo(4401));
        assertThat(asDisplay(HttpMethod.GET, "/api/v1/me", credential).statusCode()).isEqualTo(401);
        assertThat(dashboard.request(HttpMethod.GET, made.getString("url")).followRedirects(false).send().await().statusCode())
                .isEqualTo(401);
    }
}
