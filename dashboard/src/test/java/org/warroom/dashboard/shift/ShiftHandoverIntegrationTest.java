package org.warroom.dashboard.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.shift.Handover;
import org.warroom.contracts.shift.HandoverState;
import org.warroom.contracts.shift.ShiftTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.testkit.Eventually;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The shift log and handover on a real Kafka: a lead writes log entries, drafts a handover (a critical alert, an
 * overdue directive, a critical shortage and the log's entries drafted from the live state), signs it with a
 * summary; the incoming lead (another user) acknowledges; the signer cannot; every step on
 * {@code warroom.handovers} and audited; a second draft starts where the first one was drafted.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShiftHandoverIntegrationTest {
    private static final String DISTRICT = "412";
    private static final String PASSWORD = "shift-password-12";
    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private TestDashboard dashboard;
    private Login outgoing;
    private Login incoming;
    private Login commander;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        dashboard.saveUser("shift-out", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("shift-in", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("shift-cmdr", PASSWORD, "commander", List.of(DISTRICT), List.of());
        outgoing = dashboard.login("shift-out", PASSWORD);
        incoming = dashboard.login("shift-in", PASSWORD);
        commander = dashboard.login("shift-cmdr", PASSWORD);
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(dashboard.clock.instant(), IST);
    }

    @Test
    @DisplayName("log → draft from the live state → sign with a summary → acknowledged by the incoming lead; the signer cannot")
    void shouldDraftSignAndAcknowledge() {
        String alertId = "shortage-critical|" + DISTRICT + "|medicine|1";
        dashboard.produce(ResultTopics.ALERTS, alertId, new Alert(alertId, "shortage-critical", DISTRICT,
                Commodity.MEDICINE, Severity.CRITICAL, AlertState.ACTIVE, now().minusMinutes(30), null, null, null,
                DISTRICT + "|medicine", 1, 0.5, 1, "Medicine in Jhabua: 0.5 days of cover", null, now(), 0,
                "झाबुआ में दवा: 0.5 दिन"));
        ShortageStatus shortage = new ShortageStatus(DISTRICT, Commodity.MEDICINE, 5.0, 10.0, 0.5,
                ShortageLevel.CRITICAL, 0, now().minusMinutes(30), null, "units", null, null, "r1");
        dashboard.produce(ResultTopics.SHORTAGES, shortage.key(), shortage);
        Eventually.eventually(Duration.ofSeconds(10), () -> {
            assertThat(dashboard.verticle.live().get(LiveChannel.ALERTS, alertId)).isPresent();
            assertThat(dashboard.verticle.live().get(LiveChannel.SHORTAGES, shortage.key())).isPresent();
        });
        HttpResponse<Buffer> directive = dashboard.post("/api/v1/directives", outgoing, new JsonObject()
                .put("district", DISTRICT).put("text", "move medicine from Indore").put("deadline",
                        now().plusMinutes(10).toString()).put("alert", alertId));
        assertThat(directive.statusCode()).as(directive.bodyAsString()).isEqualTo(201);
        String directiveId = directive.bodyAsJsonObject().getString("id");

        HttpResponse<Buffer> entry = dashboard.post("/api/v1/log", outgoing, new JsonObject()
                .put("text", "Called the Jhabua collector about medicine").put("district", "Jhabua")
                .put("alert", alertId).put("directive", directiveId));
        assertThat(entry.statusCode()).as(entry.bodyAsString()).isEqualTo(201);
        JsonObject written = entry.bodyAsJsonObject();
        assertThat(written.getString("by")).isEqualTo("shift-out");
        assertThat(written.getString("district")).isEqualTo(DISTRICT);
        assertThat(dashboard.post("/api/v1/log", outgoing, new JsonObject().put("text", "")).bodyAsJsonObject()
                .getString("field")).isEqualTo("text");
        assertThat(dashboard.post("/api/v1/log", commander, new JsonObject().put("text", "x")).statusCode())
                .as("the log is the war room's").isEqualTo(403);
        JsonArray log = dashboard.get("/api/v1/log?from=" + now().minusHours(1).toLocalDate(), incoming)
                .bodyAsJsonObject().getJsonArray("items");
        assertThat(log.stream().map(i -> ((JsonObject) i).getString("id"))).contains(written.getString("id"));

        dashboard.clock.advance(Duration.ofMinutes(20)); // the directive is now overdue
        try {
            HttpResponse<Buffer> drafted = dashboard.post("/api/v1/handovers", outgoing, new JsonObject());
            assertThat(drafted.statusCode()).as(drafted.bodyAsString()).isEqualTo(201);
            JsonObject h = drafted.bodyAsJsonObject();
            String id = h.getString("id");
            JsonObject draft = h.getJsonObject("draft");
            assertThat(refs(draft, "alerts")).contains(alertId);
            assertThat(refs(draft, "directives")).contains(directiveId);
            assertThat(refs(draft, "shortages")).contains(DISTRICT + "|medicine");
            assertThat(refs(draft, "log")).contains(written.getString("id"));
            assertThat(refs(draft, "changes")).contains(directiveId, alertId);
            assertThat(draft.containsKey("slaBreaches")).isTrue();
            assertThat(h.getString("state")).isEqualTo("drafted");

            assertThat(dashboard.post("/api/v1/handovers/" + id + "/acknowledge", incoming, new JsonObject())
                    .statusCode()).as("not signed yet").isEqualTo(422);
            HttpResponse<Buffer> signed = dashboard.post("/api/v1/handovers/" + id + "/sign", outgoing,
                    new JsonObject().put("summary", "Jhabua medicine is the night's worry"));
            assertThat(signed.statusCode()).as(signed.bodyAsString()).isEqualTo(200);
            assertThat(signed.bodyAsJsonObject().getString("signedBy")).isEqualTo("shift-out");
            HttpResponse<Buffer> self = dashboard.post("/api/v1/handovers/" + id + "/acknowledge", outgoing, new JsonObject());
            assertThat(self.statusCode()).isEqualTo(422);
            assertThat(self.bodyAsJsonObject().getString("reason")).contains("shift-out signed");
            HttpResponse<Buffer> acked = dashboard.post("/api/v1/handovers/" + id + "/acknowledge", incoming, new JsonObject());
            assertThat(acked.statusCode()).as(acked.bodyAsString()).isEqualTo(200);
            assertThat(acked.bodyAsJsonObject().getString("state")).isEqualTo("acknowledged");
            assertThat(acked.bodyAsJsonObject().getString("summary")).isEqualTo("Jhabua medicine is the night's worry");

            List<Handover> stored = dashboard.readAll(ShiftTopics.HANDOVERS).stream().filter(x -> id.equals(x.id())).toList();
            assertThat(stored).extracting(Handover::state).containsExactly(HandoverState.DRAFTED, HandoverState.SIGNED,
                    HandoverState.ACKNOWLEDGED);
            assertThat(dashboard.get("/api/v1/handovers", incoming).bodyAsJsonObject().getJsonArray("items").stream()
                    .map(i -> ((JsonObject) i).getString("id"))).contains(id);
            List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT);
            assertThat(audit).filteredOn(e -> id.equals(e.target())).extracting(AuditEvent::action)
                    .contains("handover.draft", "handover.sign", "handover.acknowledge");
            assertThat(audit).filteredOn(e -> written.getString("id").equals(e.target())).extracting(AuditEvent::action)
                    .containsExactly("shift.log");

            dashboard.clock.advance(Duration.ofMinutes(1));
            JsonObject next = dashboard.post("/api/v1/handovers", incoming, new JsonObject()).bodyAsJsonObject();
            assertThat(OffsetDateTime.parse(next.getJsonObject("draft").getString("since")).toInstant())
                    .as("the next draft starts where this one was drafted")
                    .isEqualTo(OffsetDateTime.parse(h.getString("draftedAt")).toInstant());
            assertThat(refs(next.getJsonObject("draft"), "log")).doesNotContain(written.getString("id"));
        } finally {
            dashboard.clock.advance(Duration.ofMinutes(-21));
        }
    }

    private static List<String> refs(JsonObject draft, String list) {
        return draft.getJsonArray(list).stream().map(i -> ((JsonObject) i).getString("ref")).toList();
    }
}
