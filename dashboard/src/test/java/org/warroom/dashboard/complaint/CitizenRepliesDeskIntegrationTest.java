package org.warroom.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.complaint.CitizenReply;
import org.warroom.contracts.complaint.CitizenReplyOutcome;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * What the citizen is told and what the citizen answers, on a real Kafka, the dashboard as the single writer of
 * complaints: each step's reply handed to the notifier ({@code warroom.citizen-reply-requests}) and its outcome read
 * back ({@code warroom.citizen-replies}, written here as the notifier writes it — the notifier's side is its
 * CitizenRepliesIntegrationTest); citizen messages as the webhooks write them ({@code warroom.messages}):
 * {@code STATUS} answered only to the complaint's own phone, a rating recorded once, "not solved" reopening it (a
 * ticket step), every step audited with the citizen as actor (phone masked). District 396 (Indore).
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CitizenRepliesDeskIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "desk-password-12";
    private TestDashboard dashboard;
    private Login agent;
    private Login officer;

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        for (String[] u : List.of(new String[]{"cit-agent", "agent", ""}, new String[]{"cit-food", "officer", "396"})) {
            JsonObject body = new JsonObject().put("username", u[0]).put("password", PASSWORD).put("role", u[1])
                    .put("districts", u[2].isEmpty() ? new JsonArray() : new JsonArray().add(u[2]))
                    .put("departments", u[2].isEmpty() ? new JsonArray() : new JsonArray().add("Food and Civil Supplies"));
            HttpResponse<Buffer> answer = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), body);
            assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 201);
        }
        agent = dashboard.login("cit-agent", PASSWORD);
        officer = dashboard.login("cit-food", PASSWORD);
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private void citizenSays(String id, String from, Channel channel, String text) {
        dashboard.produce(Topics.MESSAGES, id, new CitizenMessage(id, channel, from, text,
                OffsetDateTime.ofInstant(dashboard.clock.instant(), ZoneOffset.ofHoursMinutes(5, 30)), null, null,
                CitizenMessage.DISTRICT_UNKNOWN, List.of(), null, "webhook"));
    }

    private Optional<CitizenReply> request(String id) {
        return dashboard.readAll(ComplaintTopics.CITIZEN_REPLY_REQUESTS).stream().filter(r -> id.equals(r.id()))
                .findFirst();
    }

    private JsonObject complaint(String number) {
        return dashboard.get("/api/v1/complaints/" + number, officer).bodyAsJsonObject();
    }

    @Test
    @DisplayName("registered → SMS handed over, outcome shown; STATUS answered to the owner only; resolve; 4 rates (once); not solved reopens")
    void shouldTellTheCitizenAndHearTheirAnswers() {
        String tail = String.valueOf(10_000_000 + (int) (Math.random() * 80_000_000));
        String phone = "+9198" + tail;
        HttpResponse<Buffer> registered = dashboard.post("/api/v1/complaints", agent, new JsonObject()
                .put("phone", "98" + tail).put("district", "396").put("category", "ration")
                .put("text", "no ration at the shop for a week").put("channel", "sms"));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
        String number = registered.bodyAsJsonObject().getString("number");
        CitizenReply first = request(number + "/v1").orElseThrow();
        assertThat(first.to()).isEqualTo(phone);
        assertThat(first.channel()).isEqualTo("sms");
        assertThat(first.purpose()).isEqualTo("reply.registered");
        assertThat(first.text()).contains(number);
        assertThat(complaint(number).getJsonArray("replies").getJsonObject(0).getString("state")).isEqualTo("pending");

        // the notifier's outcome comes back onto the reply
        dashboard.produce(ComplaintTopics.CITIZEN_REPLIES, first.id(), new CitizenReplyOutcome(first.id(), number,
                CitizenReplyOutcome.SENT, null, OffsetDateTime.now()));
        eventually(WAIT, () -> assertThat(complaint(number).getJsonArray("replies").getJsonObject(0)
                .getString("state")).isEqualTo("sent"));

        // STATUS from the complaint's phone (WhatsApp's form of the number, the complaint number without dashes)
        String ask = "m-" + UUID.randomUUID();
        citizenSays(ask, phone.substring(1), Channel.WHATSAPP, "status " + number.replace("-", ""));
        eventually(WAIT, () -> assertThat(request("answer/" + ask)).hasValueSatisfying(r -> {
            assertThat(r.text()).isEqualTo("Complaint " + number + ": Open.");
            assertThat(r.number()).isEqualTo(number);
            assertThat(r.to()).isEqualTo(phone);
            assertThat(r.purpose()).isEqualTo("reply.status");
        }));
        // ... and from another phone, in Hindi: the neutral answer, nothing of the complaint
        String stranger = "m-" + UUID.randomUUID();
        citizenSays(stranger, "+919000000001", Channel.SMS, "स्थिति " + number);
        eventually(WAIT, () -> assertThat(request("answer/" + stranger)).hasValueSatisfying(r -> {
            assertThat(r.number()).isNull();
            assertThat(r.text()).doesNotContain(number).doesNotContain("Open").contains("शिकायत नहीं मिली");
            assertThat(r.purpose()).isEqualTo("reply.not-found");
        }));

        HttpResponse<Buffer> resolved = dashboard.post("/api/v1/complaints/" + number + "/actions", officer,
                new JsonObject().put("action", "resolve").put("version", 1).put("note", "ration delivered"));
        assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
        assertThat(request(number + "/v2")).hasValueSatisfying(r -> {
            assertThat(r.purpose()).isEqualTo("reply.resolved");
            assertThat(r.text()).contains("ration delivered");
        });
        HttpResponse<Buffer> officerRates = dashboard.post("/api/v1/complaints/" + number + "/actions", officer,
                new JsonObject().put("action", "rate").put("version", 2).put("rating", "5"));
        assertThat(officerRates.statusCode()).as("only the citizen rates").isEqualTo(400);

        String rating = "m-" + UUID.randomUUID();
        citizenSays(rating, phone, Channel.SMS, " 4 ");
        eventually(WAIT, () -> assertThat(complaint(number).getInteger("rating")).isEqualTo(4));
        JsonObject rated = complaint(number);
        assertThat(rated.getString("state")).isEqualTo("resolved");
        assertThat(rated.getLong("version")).isEqualTo(3);
        JsonObject step = rated.getJsonArray("history").getJsonObject(2);
        assertThat(step.getString("action")).isEqualTo("rate");
        assertThat(step.getString("by")).isEqualTo("citizen:+91******" + tail.substring(4));
        assertThat(request(number + "/v3")).hasValueSatisfying(r -> assertThat(r.purpose()).isEqualTo("reply.rated"));

        String again = "m-" + UUID.randomUUID();
        citizenSays(again, phone, Channel.SMS, "5");
        eventually(WAIT, () -> assertThat(request("answer/" + again)).hasValueSatisfying(r ->
                assertThat(r.purpose()).isEqualTo("reply.rated-already")));
        assertThat(complaint(number).getInteger("rating")).as("a later rating is refused").isEqualTo(4);

        String notSolved = "m-" + UUID.randomUUID();
        citizenSays(notSolved, phone, Channel.SMS, "Not solved, shop still closed");
        eventually(WAIT, () -> assertThat(complaint(number).getString("state")).isEqualTo("reopened"));
        assertThat(complaint(number).getLong("version")).isEqualTo(4);
        List<TicketStep> steps = dashboard.readAll(Topics.TICKETS).stream().filter(s -> number.equals(s.ticket()))
                .toList();
        assertThat(steps).extracting(TicketStep::event).containsExactly(TicketEventType.OPENED,
                TicketEventType.RESOLVED, TicketEventType.REOPENED);
        assertThat(request(number + "/v4")).hasValueSatisfying(r -> assertThat(r.purpose())
                .isEqualTo("reply.reopened"));

        // the same message again (a webhook retried by the provider): acted on once
        citizenSays(notSolved, phone, Channel.SMS, "Not solved, shop still closed");
        String later = "m-" + UUID.randomUUID();
        citizenSays(later, phone, Channel.SMS, "STATUS " + number);
        eventually(WAIT, () -> assertThat(request("answer/" + later)).hasValueSatisfying(r ->
                assertThat(r.text()).isEqualTo("Complaint " + number + ": Reopened.")));
        assertThat(complaint(number).getLong("version")).isEqualTo(4);

        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT).stream()
                .filter(e -> e.actor() != null && e.actor().startsWith("citizen:") && (number.equals(e.target())
                        || e.target() == null)).toList();
        assertThat(audit).extracting(AuditEvent::action).contains("complaint.status", "complaint.rate",
                "complaint.reopen");
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.actor()).doesNotContain(tail);
            assertThat(e.role()).isEqualTo("citizen");
        });
    }
}
