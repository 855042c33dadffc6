package org.warroom.dashboard.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The settings API on a real Kafka: the list with defaults, refusals naming the field (nothing stored), a change
 * audited with before and after and stored on {@code warroom.settings}, a stale version refused, administrators only.
 * This test's own keys: LPG thresholds, {@code sla.transport}, {@code line.capacity.1075}.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsApiIntegrationTest {
    private static final String LPG_LOW = "shortage.lpg.low.days";
    private TestDashboard dashboard;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private HttpResponse<Buffer> put(Login who, JsonObject body) {
        return dashboard.request(HttpMethod.PUT, "/api/v1/admin/settings").bearerTokenAuthentication(who.token())
                .sendJsonObject(body).await();
    }

    private JsonObject item(String key, String district) {
        return dashboard.get("/api/v1/admin/settings", admin).bodyAsJsonObject().getJsonArray("items").stream()
                .map(JsonObject.class::cast)
                .filter(i -> i.getString("key").equals(key) && java.util.Objects.equals(i.getString("district"), district))
                .findFirst().orElseThrow(() -> new AssertionError("no item " + key + " " + district));
    }

    private void assertRefused(JsonObject body, String field, String reasonPart) {
        HttpResponse<Buffer> answer = put(admin, body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(400);
        assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo(field);
        assertThat(answer.bodyAsJsonObject().getString("reason")).contains(reasonPart);
    }

    @Test
    @DisplayName("the list: every group with its configured default, the routing defaults linked")
    void shouldListEverySettingWithItsDefault() {
        JsonObject body = dashboard.get("/api/v1/admin/settings", admin).bodyAsJsonObject();
        assertThat(body.getString("routing")).isEqualTo("/api/v1/admin/routing");
        assertThat(body.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("group")).distinct())
                .containsExactly("shortage", "sla", "line", "alert");
        JsonObject medicine = item("shortage.medicine.critical.days", null);
        assertThat(medicine.getDouble("value")).isEqualTo(3.0);
        assertThat(medicine.getDouble("default")).isEqualTo(3.0);
        assertThat(medicine.getString("unit")).isEqualTo("days");
        assertThat(medicine.getBoolean("perDistrict")).isTrue();
        assertThat(item("sla.health", null).getDouble("default")).isEqualTo(1.0);
        assertThat(item("alert.line-load.threshold", null).getDouble("default")).isEqualTo(0.9);
    }

    @Test
    @DisplayName("refusals name the field and store nothing")
    void shouldRefuseBadChangesNamingTheField() {
        assertRefused(new JsonObject().put("key", "shortage.gold.low.days").put("value", 2), "key", "shortage.gold.low.days");
        assertRefused(new JsonObject().put("value", 2), "key", "is required");
        assertRefused(new JsonObject().put("key", "sla.transport").put("value", 0), "value", "between 0.25 and 720 hours");
        assertRefused(new JsonObject().put("key", "sla.transport").put("value", "six"), "value", "must be a number");
        assertRefused(new JsonObject().put("key", "line.capacity.1075").put("value", 12.5), "value", "whole number");
        assertRefused(new JsonObject().put("key", "sla.transport").put("value", 6).put("district", "396"), "district",
                "only the shortage thresholds");
        assertRefused(new JsonObject().put("key", LPG_LOW).put("value", 6).put("district", "999999"), "district",
                "not a known district");
        // LPG: LOW 7, CRITICAL 3; LOW 2 would lie below CRITICAL
        assertRefused(new JsonObject().put("key", LPG_LOW).put("value", 2), "value", "must be at least shortage.lpg.critical.days (3)");

        assertThat(dashboard.readAll(SettingsTopics.SETTINGS)).extracting(SettingValue::key)
                .doesNotContain("shortage.gold.low.days", "sla.transport", "line.capacity.1075")
                .filteredOn(LPG_LOW::equals).isEmpty();
        assertThat(put(dashboard.login(operator(), "settings-password-1"), new JsonObject().put("key", "sla.transport")
                .put("value", 6)).statusCode()).as("an operator may not change settings").isEqualTo(403);
        assertThat(dashboard.get("/api/v1/admin/settings", dashboard.login(operator(), "settings-password-1"))
                .statusCode()).isEqualTo(403);
    }

    private String operator() {
        dashboard.saveUser("settings-operator", "settings-password-1", "operator", List.of(), List.of());
        return "settings-operator";
    }

    @Test
    @DisplayName("a change: 200 with the new value, audited with before and after, on warroom.settings; a stale version 409")
    void shouldAuditAndStoreAChange() {
        HttpResponse<Buffer> answer = put(admin, new JsonObject().put("key", LPG_LOW).put("value", 9).put("district", 396)
                .put("version", 0));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        JsonObject changed = answer.bodyAsJsonObject();
        assertThat(changed.getString("district")).isEqualTo("396");
        assertThat(changed.getString("districtName")).isEqualTo("Bhopal");
        assertThat(changed.getDouble("value")).isEqualTo(9.0);
        assertThat(changed.getDouble("previous")).isEqualTo(7.0);
        assertThat(changed.getString("changedBy")).isEqualTo("admin");
        assertThat(changed.getLong("version")).isEqualTo(1L);
        assertThat(item(LPG_LOW, "396").getDouble("value")).isEqualTo(9.0);
        assertThat(item(LPG_LOW, null).getDouble("value")).as("every other district keeps the default").isEqualTo(7.0);

        SettingValue stored = dashboard.readAll(SettingsTopics.SETTINGS).stream()
                .filter(v -> v.topicKey().equals(LPG_LOW + "|396")).reduce((a, b) -> b).orElseThrow();
        assertThat(stored).extracting(SettingValue::value, SettingValue::previous, SettingValue::changedBy,
                SettingValue::version).containsExactly(9.0, 7.0, "admin", 1L);
        AuditEvent audited = dashboard.readAll(AuditTopics.AUDIT).stream()
                .filter(e -> "settings.update".equals(e.action()) && LPG_LOW.equals(e.target())).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(audited.actor()).isEqualTo("admin");
        assertThat(audited.district()).isEqualTo("396");
        assertThat(audited.details()).containsEntry("before", "7").containsEntry("after", "9");

        HttpResponse<Buffer> stale = put(admin, new JsonObject().put("key", LPG_LOW).put("value", 8).put("district", "396")
                .put("version", 0));
        assertThat(stale.statusCode()).as(stale.bodyAsString()).isEqualTo(409);
        HttpResponse<Buffer> next = put(admin, new JsonObject().put("key", LPG_LOW).put("value", 8).put("district", "396")
                .put("version", 1));
        assertThat(next.statusCode()).as(next.bodyAsString()).isEqualTo(200);
        assertThat(next.bodyAsJsonObject().getLong("version")).isEqualTo(2L);
        assertThat(next.bodyAsJsonObject().getDouble("previous")).isEqualTo(9.0);
    }
}
