package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Every JSON endpoint built from the live state, fed by records produced to the real result topics. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveApiIntegrationTest {
    private static final String OWN = "390";
    private static final String PASSWORD = "live-api-password-1";
    private TestDashboard dashboard;
    private Login operator;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        dashboard.saveUser("live-op", PASSWORD, "operator", List.of(), List.of());
        operator = dashboard.login("live-op", PASSWORD);
        Results.districtFigures(dashboard, OWN, Commodity.MEDICINE);
        dashboard.produce(ResultTopics.CALL_LOAD, "live-181", Results.line("live-181", 40, 100));
        dashboard.produce(ResultTopics.WORKER_DISTRIBUTION, "skill|live-mason",
                Results.bucket(DistributionBucket.BY_SKILL, "live-mason", 5));
        dashboard.produce(ResultTopics.WORKER_DISTRIBUTION, "currentState|23",
                Results.bucket(DistributionBucket.BY_CURRENT_STATE, "23", 12));
        dashboard.produce(ResultTopics.WORKER_TOTALS, WorkerTotals.KEY, new WorkerTotals(1000, 250, 0.25, 30));
        eventually(Duration.ofSeconds(20), () -> assertThat(
                dashboard.get("/api/v1/alerts?district=" + OWN, operator).bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    @Test
    @DisplayName("shortages answer API.md's items, filtered by district, status and commodity")
    void shouldListShortages() {
        JsonObject item = items("/api/v1/shortages?district=" + OWN).getJsonObject(0);
        assertThat(item.fieldNames()).contains("district", "commodity", "stock", "dailyNeed", "daysOfCover", "status",
                "signalsLastHour", "asOf");
        assertThat(item.getString("district")).isEqualTo(OWN);
        assertThat(item.getString("commodity")).isEqualTo("medicine");
        assertThat(item.getString("status")).isEqualTo("CRITICAL");
        assertThat(item.getString("asOf")).isEqualTo("2026-04-01T18:13:00+05:30");
        assertThat(items("/api/v1/shortages?district=" + OWN + "&status=OK")).isEmpty();
        assertThat(items("/api/v1/shortages?district=" + OWN + "&commodity=medicine")).hasSize(1);
        assertThat(dashboard.get("/api/v1/shortages?status=bad", operator).statusCode()).isEqualTo(400);
        HttpResponse<Buffer> unknown = dashboard.get("/api/v1/shortages?district=99999", operator);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.bodyAsJsonObject().getString("field")).isEqualTo("district");
    }

    @Test
    @DisplayName("backlogs answer API.md's items")
    void shouldListBacklogs() {
        JsonObject item = items("/api/v1/backlogs?district=" + OWN).getJsonObject(0);
        assertThat(item.fieldNames()).contains("district", "department", "open", "oldestOpenSince", "slaBreaches",
                "openedLastHour", "resolvedLastHour");
        assertThat(item.getInteger("open")).isEqualTo(7);
    }

    @Test
    @DisplayName("calls/load answers every line with inProgress, capacity, waiting and perMinute")
    void shouldListCallLoad() {
        JsonObject line = items("/api/v1/calls/load").stream().map(JsonObject.class::cast)
                .filter(o -> "live-181".equals(o.getString("line"))).findFirst().orElseThrow();
        assertThat(line.getInteger("inProgress")).isEqualTo(40);
        assertThat(line.getInteger("capacity")).isEqualTo(100);
        assertThat(line.fieldNames()).contains("waiting", "perMinute");
    }

    @Test
    @DisplayName("workers/distribution answers exactly {by, total, buckets:[{key, name?, count}]} with names from the reference tables")
    void shouldAnswerWorkerDistribution() {
        JsonObject byState = dashboard.get("/api/v1/workers/distribution?by=currentState", operator).bodyAsJsonObject();
        assertThat(byState.fieldNames()).containsExactlyInAnyOrder("by", "total", "buckets");
        assertThat(byState.getString("by")).isEqualTo("currentState");
        assertThat(byState.getLong("total")).isEqualTo(1000L);
        JsonObject mp = byState.getJsonArray("buckets").stream().map(JsonObject.class::cast)
                .filter(b -> "23".equals(b.getString("key"))).findFirst().orElseThrow();
        assertThat(mp.getString("name")).isEqualTo("Madhya Pradesh");
        assertThat(mp.getLong("count")).isEqualTo(12L);
        JsonObject byDistrict = dashboard.get("/api/v1/workers/distribution?by=currentDistrict", operator).bodyAsJsonObject();
        JsonObject anuppur = byDistrict.getJsonArray("buckets").stream().map(JsonObject.class::cast)
                .filter(b -> OWN.equals(b.getString("key"))).findFirst().orElseThrow();
        assertThat(anuppur.getString("name")).isEqualTo("Anuppur");
        JsonObject bySkill = dashboard.get("/api/v1/workers/distribution?by=skill", operator).bodyAsJsonObject();
        assertThat(bySkill.getJsonArray("buckets").stream().map(JsonObject.class::cast)
                .filter(b -> "live-mason".equals(b.getString("key"))).findFirst().orElseThrow().containsKey("name")).isFalse();
        HttpResponse<Buffer> bad = dashboard.get("/api/v1/workers/distribution?by=caste", operator);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("by");
    }

    @Test
    @DisplayName("overview answers the headline counters")
    void shouldAnswerOverview() {
        JsonObject o = dashboard.get("/api/v1/overview", operator).bodyAsJsonObject();
        assertThat(o.fieldNames()).contains("lines", "callsInProgress", "callCapacity", "openTickets", "slaBreaches",
                "criticalShortages", "activeAlerts", "workersTracked", "worstByDistrict");
        assertThat(o.getInteger("callsInProgress")).isGreaterThanOrEqualTo(40);
        assertThat(o.getInteger("openTickets")).isGreaterThanOrEqualTo(7);
        assertThat(o.getLong("criticalShortages")).isGreaterThanOrEqualTo(1L);
        assertThat(o.getLong("activeAlerts")).isGreaterThanOrEqualTo(1L);
        assertThat(o.getLong("workersTracked")).isEqualTo(1000L);
        assertThat(o.getJsonObject("worstByDistrict").getString(OWN)).isEqualTo("CRITICAL");
        assertThat(o.getBoolean("stateWide")).isTrue();
    }

    @Test
    @DisplayName("districts/{code} answers everything for one district; an unknown code 404")
    void shouldAnswerOneDistrict() {
        JsonObject d = dashboard.get("/api/v1/districts/" + OWN, operator).bodyAsJsonObject();
        assertThat(d.getJsonObject("district").getString("name")).isEqualTo("Anuppur");
        assertThat(d.getJsonObject("district").getString("nameHi")).isEqualTo("अनूपपुर");
        assertThat(d.getJsonArray("shortages")).hasSize(1);
        assertThat(d.getJsonArray("backlogs")).hasSize(1);
        assertThat(d.getJsonObject("rating").getInteger("stars")).isEqualTo(3);
        assertThat(d.getJsonArray("alerts")).hasSize(1);
        assertThat(d.getLong("workersInDistrict")).isEqualTo(40L);
        assertThat(d.getLong("workersFromDistrict")).isEqualTo(60L);
        assertThat(dashboard.get("/api/v1/districts/99999", operator).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("alerts answer API.md's items, filtered by state; a bad state is a 400 naming the field")
    void shouldListAlerts() {
        JsonObject a = items("/api/v1/alerts?state=active&district=" + OWN).getJsonObject(0);
        assertThat(a.fieldNames()).contains("id", "rule", "district", "commodity", "severity", "state", "raisedAt");
        assertThat(a.getString("state")).isEqualTo("active");
        assertThat(items("/api/v1/alerts?state=cleared&district=" + OWN)).isEmpty();
        HttpResponse<Buffer> bad = dashboard.get("/api/v1/alerts?state=sleeping", operator);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.bodyAsJsonObject().getString("field")).isEqualTo("state");
        assertThat(bad.bodyAsJsonObject().getString("reason")).contains("active");
    }

    @Test
    @DisplayName("acknowledging writes an AlertAck to warroom.alert-acks and an audit event; a cleared alert answers 409")
    void shouldAcknowledgeAlert() {
        Alert alert = Results.alert(OWN, Commodity.MEDICINE, AlertState.ACTIVE);
        String path = "/api/v1/alerts/" + URLEncoder.encode(alert.id(), StandardCharsets.UTF_8) + "/ack";
        HttpResponse<Buffer> answer = dashboard.post(path, operator, new JsonObject().put("comment", "दवा भेजी गई"));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(202);
        assertThat(answer.bodyAsJsonObject().getString("by")).isEqualTo("live-op");
        List<AlertAck> acks = dashboard.readAll(ResultTopics.ALERT_ACKS);
        assertThat(acks).anySatisfy(ack -> {
            assertThat(ack.alertId()).isEqualTo(alert.id());
            assertThat(ack.by()).isEqualTo("live-op");
            assertThat(ack.comment()).isEqualTo("दवा भेजी गई");
        });
        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT);
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("alert.ack");
            assertThat(e.actor()).isEqualTo("live-op");
            assertThat(e.target()).isEqualTo(alert.id());
            assertThat(e.district()).isEqualTo(OWN);
        });
        assertThat(dashboard.post("/api/v1/alerts/no-such/ack", operator, new JsonObject()).statusCode()).isEqualTo(404);
        assertThat(dashboard.post(path, operator, new JsonObject().put("comment", 42)).statusCode()).isEqualTo(400);

        Alert cleared = Results.alert("391", Commodity.WATER, AlertState.CLEARED);
        dashboard.produce(ResultTopics.ALERTS, cleared.id(), cleared);
        String clearedPath = "/api/v1/alerts/" + URLEncoder.encode(cleared.id(), StandardCharsets.UTF_8) + "/ack";
        eventually(Duration.ofSeconds(20), () -> assertThat(
                dashboard.post(clearedPath, operator, new JsonObject()).statusCode()).isEqualTo(409));
    }

    @Test
    @DisplayName("me answers the viewer; errors are JSON; unknown API paths 404 as JSON")
    void shouldAnswerMeAndJsonErrors() {
        JsonObject me = dashboard.get("/api/v1/me", operator).bodyAsJsonObject();
        assertThat(me.getString("username")).isEqualTo("live-op");
        assertThat(me.getString("role")).isEqualTo("operator");
        assertThat(me.getBoolean("personalData")).isFalse();
        assertThat(me.getString("csrf")).isEqualTo(operator.csrf());
        HttpResponse<Buffer> missing = dashboard.get("/api/v1/nothing-here", operator);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.bodyAsJsonObject().getString("error")).isEqualTo("not found");
    }

    private JsonArray items(String path) {
        HttpResponse<Buffer> answer = dashboard.get(path, operator);
        assertThat(answer.statusCode()).as(path + ": " + answer.bodyAsString()).isEqualTo(200);
        assertThat(answer.getHeader("Content-Type")).startsWith("application/json");
        return answer.bodyAsJsonObject().getJsonArray("items");
    }
}
