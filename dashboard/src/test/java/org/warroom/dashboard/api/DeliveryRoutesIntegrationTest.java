package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.notify.AckTokens;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** The alert-delivery routes as the dashboard server mounts them: behind sign-in, scoped, CSRF-checked; /ack open. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRoutesIntegrationTest {
    private static final String PASSWORD = "delivery-routes-pw-1";
    private static final String ACK_SECRET = "test-ack-secret-0123456789abcdef";
    private TestDashboard dashboard;
    private Login responder;
    private Alert own;
    private Alert other;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES, Map.of("notify.ack.secret", ACK_SECRET));
        dashboard.saveUser("dr-responder", PASSWORD, "responder", List.of("396"), List.of("medicine"));
        responder = dashboard.login("dr-responder", PASSWORD);
        own = Results.alert("396", Commodity.MEDICINE, AlertState.ACTIVE);
        other = Results.alert("390", Commodity.MEDICINE, AlertState.ACTIVE);
        dashboard.produce(ResultTopics.ALERTS, own.id(), own);
        dashboard.produce(ResultTopics.ALERTS, other.id(), other);
        eventually(Duration.ofSeconds(20), () -> assertThat(
                dashboard.get("/api/v1/alerts/" + own.id() + "/deliveries", responder).statusCode()).isEqualTo(200));
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    @Test
    @DisplayName("a responder saves and reads their own subscription; districts outside theirs are refused by field")
    void shouldSaveOwnSubscription() {
        JsonObject body = new JsonObject().put("districts", new JsonArray().add("396"))
                .put("severities", new JsonArray().add("critical")).put("channels", new JsonArray());
        assertThat(dashboard.postWithCookie("/api/v1/subscriptions", responder, body, false).statusCode())
                .as("cookie without the CSRF header").isEqualTo(403);
        HttpResponse<Buffer> saved = dashboard.postWithCookie("/api/v1/subscriptions", responder, body, true);
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        JsonArray items = dashboard.get("/api/v1/subscriptions", responder).bodyAsJsonObject().getJsonArray("items");
        assertThat(items).hasSize(1);
        assertThat(items.getJsonObject(0).getString("user")).isEqualTo("dr-responder");
        assertThat(items.getJsonObject(0).getJsonArray("districts")).containsExactly("396");

        HttpResponse<Buffer> outside = dashboard.post("/api/v1/subscriptions", responder,
                body.copy().put("districts", new JsonArray().add("390")));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.bodyAsJsonObject().getString("field")).isEqualTo("districts");
        assertThat(dashboard.get("/api/v1/subscriptions?user=admin", responder).statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("an administrator lists, saves and removes another user's subscription; the user cannot remove someone else's")
    void shouldLetAdministratorManageAnotherUsersSubscription() {
        dashboard.saveUser("dr-duty", PASSWORD, "responder", List.of("396"), List.of());
        Login duty = dashboard.login("dr-duty", PASSWORD);
        Login admin = dashboard.loginAdmin();
        assertThat(dashboard.get("/api/v1/subscriptions?user=dr-duty", admin).bodyAsJsonObject().getJsonArray("items"))
                .isEmpty();
        JsonObject body = new JsonObject().put("user", "dr-duty").put("districts", new JsonArray().add("396"))
                .put("severities", new JsonArray().add("critical").add("high"))
                .put("quietHours", new JsonObject().put("from", "22:00").put("to", "07:00").put("zone", "Asia/Kolkata"));
        HttpResponse<Buffer> saved = dashboard.post("/api/v1/subscriptions", admin, body);
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
        assertThat(saved.bodyAsJsonObject().getString("updatedBy")).isEqualTo("admin");

        JsonArray listed = dashboard.get("/api/v1/subscriptions?user=dr-duty", admin).bodyAsJsonObject().getJsonArray("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.getJsonObject(0).getJsonArray("severities")).containsExactly("critical", "high");
        assertThat(listed.getJsonObject(0).getJsonObject("quietHours").getString("from")).startsWith("22:00");
        assertThat(dashboard.get("/api/v1/subscriptions", duty).bodyAsJsonObject().getJsonArray("items")).hasSize(1);

        assertThat(dashboard.request(HttpMethod.DELETE, "/api/v1/subscriptions/dr-duty")
                .bearerTokenAuthentication(responder.token()).send().await().statusCode())
                .as("a responder removing someone else's").isEqualTo(403);
        assertThat(dashboard.request(HttpMethod.DELETE, "/api/v1/subscriptions/dr-duty")
                .putHeader("Cookie", admin.cookie()).send().await().statusCode())
                .as("cookie without the CSRF header").isEqualTo(403);
        HttpResponse<Buffer> removed = dashboard.request(HttpMethod.DELETE, "/api/v1/subscriptions/dr-duty")
                .putHeader("Cookie", admin.cookie()).putHeader("X-CSRF-Token", admin.csrf()).send().await();
        assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
        assertThat(removed.bodyAsJsonObject().getBoolean("removed")).isTrue();
        assertThat(dashboard.get("/api/v1/subscriptions?user=dr-duty", admin).bodyAsJsonObject().getJsonArray("items"))
                .isEmpty();
        assertThat(dashboard.get("/api/v1/subscriptions", duty).bodyAsJsonObject().getJsonArray("items")).isEmpty();
        HttpResponse<Buffer> again = dashboard.request(HttpMethod.DELETE, "/api/v1/subscriptions/dr-duty")
                .bearerTokenAuthentication(admin.token()).send().await();
        assertThat(again.statusCode()).as("nothing left to remove").isEqualTo(404);
    }

    @Test
    @DisplayName("the delivery log answers for the responder's own alert, 403 for another district's, 401 signed out")
    void shouldScopeDeliveryLog() {
        JsonObject log = dashboard.get("/api/v1/alerts/" + own.id() + "/deliveries", responder).bodyAsJsonObject();
        assertThat(log.getString("alert")).isEqualTo(own.id());
        assertThat(log.getString("state")).isEqualTo("active");
        assertThat(log.getJsonArray("items")).isEmpty();
        assertThat(dashboard.get("/api/v1/alerts/" + other.id() + "/deliveries", responder).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/alerts/no-such-alert/deliveries", responder).statusCode()).isEqualTo(404);
        assertThat(dashboard.request(HttpMethod.GET, "/api/v1/subscriptions").send().await().statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("the acknowledge page needs no session and refuses a forged token with a page, not the sign-in")
    void shouldRefuseForgedAckTokenWithoutSession() {
        HttpResponse<Buffer> page = dashboard.request(HttpMethod.GET, "/ack/forged.AAAAAAAAAAAAAAAAAAAAAA").send().await();
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.getHeader("Content-Security-Policy")).isNotNull();
    }

    @Test
    @DisplayName("an acknowledgement link opens a form without a session and acknowledges once; forged 403, reused or expired 410")
    void shouldAcknowledgeOnceByLinkAndRefuseForgedReusedAndExpiredTokens() {
        Alert alert = Results.alert("396", Commodity.MEDICINE, AlertState.ACTIVE);
        dashboard.produce(ResultTopics.ALERTS, alert.id(), alert);
        AckTokens tokens = new AckTokens(ACK_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofHours(24), dashboard.clock);
        String good = tokens.issue(alert.id(), "dr-responder");

        HttpResponse<Buffer> page = eventuallyAnswered("/ack/" + good);
        assertThat(page.statusCode()).as(page.bodyAsString()).isEqualTo(200);
        assertThat(page.bodyAsString()).contains("<form method=\"post\"").doesNotContain("<script");

        String forged = good.substring(0, good.indexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        assertThat(postForm("/ack/" + forged, "comment=x").statusCode()).isEqualTo(403);
        String otherKey = new AckTokens("another-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(24), dashboard.clock).issue(alert.id(), "dr-responder");
        assertThat(dashboard.request(HttpMethod.GET, "/ack/" + otherKey).send().await().statusCode()).isEqualTo(403);

        HttpResponse<Buffer> acked = postForm("/ack/" + good, "comment=" + URLEncoder.encode("टीम भेजी गई", StandardCharsets.UTF_8));
        assertThat(acked.statusCode()).as(acked.bodyAsString()).isEqualTo(200);
        assertThat(acked.bodyAsString()).contains("acknowledged");
        eventually(Duration.ofSeconds(20), () -> assertThat(dashboard.readAll(ResultTopics.ALERT_ACKS).stream()
                .filter(a -> a.alertId().equals(alert.id())).toList())
                .singleElement().satisfies(a -> {
                    assertThat(a.by()).isEqualTo("dr-responder");
                    assertThat(a.comment()).isEqualTo("टीम भेजी गई");
                }));

        HttpResponse<Buffer> reused = postForm("/ack/" + good, "comment=again");
        assertThat(reused.statusCode()).isEqualTo(410);
        assertThat(reused.bodyAsString()).contains("already used");
        assertThat(dashboard.request(HttpMethod.GET, "/ack/" + good).send().await().statusCode()).isEqualTo(410);

        // issued 25 hours ago with a 24-hour life
        Clock dayAgo = Clock.fixed(dashboard.clock.instant().minus(Duration.ofHours(25)), ZoneOffset.UTC);
        String late = new AckTokens(ACK_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofHours(24), dayAgo)
                .issue(alert.id(), "dr-responder");
        HttpResponse<Buffer> expired = postForm("/ack/" + late, "comment=late");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.bodyAsString()).contains("expired");
        assertThat(dashboard.readAll(ResultTopics.ALERT_ACKS).stream().filter(a -> a.alertId().equals(alert.id())))
                .as("one acknowledgement, however often the link was used").hasSize(1);
    }

    /** The page of a link, once the dashboard's live state has the alert (until then it may not know it). */
    private HttpResponse<Buffer> eventuallyAnswered(String path) {
        java.util.concurrent.atomic.AtomicReference<HttpResponse<Buffer>> last = new java.util.concurrent.atomic.AtomicReference<>();
        eventually(Duration.ofSeconds(20), () -> {
            last.set(dashboard.request(HttpMethod.GET, path).send().await());
            assertThat(last.get().statusCode()).isNotIn(404, 503);
        });
        return last.get();
    }

    private HttpResponse<Buffer> postForm(String path, String form) {
        return dashboard.request(HttpMethod.POST, path).putHeader("Content-Type", "application/x-www-form-urlencoded")
                .sendBuffer(Buffer.buffer(form)).await();
    }
}
