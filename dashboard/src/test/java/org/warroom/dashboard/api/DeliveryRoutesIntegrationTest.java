package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
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
    private TestDashboard dashboard;
    private Login responder;
    private Alert own;
    private Alert other;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
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
}
