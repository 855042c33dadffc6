package org.warroom.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
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
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * The grievance desk on a real Kafka: a call-centre agent registers, the complaint lands at the routed desk as a
 * ticket step and a complaint record, an officer of that desk assigns and resolves it; two officers acting at once
 * on one version: exactly one wins; refusals (stale, state, unknown, hostile) store nothing; numbering continues
 * across a restart. District 394 (Betul) is this test's own.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintDeskIntegrationTest {
    private static final String DISTRICT = "394";
    private static final String PASSWORD = "desk-password-12";
    private LocalKafka kafka;
    private TestDashboard dashboard;
    private Login agent;
    private Login officer;
    private Login officer2;
    private Login labourOfficer;

    @BeforeAll
    void start(LocalKafka kafka) {
        this.kafka = kafka;
        dashboard = TestDashboard.start(kafka);
        saveUser("desk-agent", "agent", List.of(), List.of());
        saveUser("desk-food-1", "officer", List.of(DISTRICT), List.of("Food and Civil Supplies"));
        saveUser("desk-food-2", "officer", List.of(DISTRICT), List.of("Food and Civil Supplies"));
        saveUser("desk-labour", "officer", List.of(DISTRICT), List.of("Labour"));
        agent = dashboard.login("desk-agent", PASSWORD);
        officer = dashboard.login("desk-food-1", PASSWORD);
        officer2 = dashboard.login("desk-food-2", PASSWORD);
        labourOfficer = dashboard.login("desk-labour", PASSWORD);
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private void saveUser(String name, String role, List<String> districts, List<String> departments) {
        JsonObject body = new JsonObject().put("username", name).put("password", PASSWORD).put("role", role)
                .put("districts", new JsonArray(districts)).put("departments", new JsonArray(departments));
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 201);
    }

    private JsonObject register(Login who, String category, String text) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/complaints", who, new JsonObject()
                .put("phone", "98765 43210").put("name", "Sita Devi").put("district", "Betul")
                .put("category", category).put("text", text).put("channel", "call"));
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        return answer.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> act(Login who, String number, String action, long version, String note, String assignee) {
        JsonObject body = new JsonObject().put("action", action).put("version", version);
        if (note != null) {
            body.put("note", note);
        }
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        return dashboard.post("/api/v1/complaints/" + number + "/actions", who, body);
    }

    @Test
    @DisplayName("agent registers → routed to Food and Civil Supplies → officer assigns and resolves: every step a ticket step and audited")
    void shouldRunRegisterToResolve() {
        JsonObject c = register(agent, "ration", "राशन दुकान बंद है");
        String number = c.getString("number");
        assertThat(number).matches("MP-394-\\d{6}");
        assertThat(c.getString("department")).isEqualTo("Food and Civil Supplies");
        assertThat(c.getString("state")).isEqualTo("open");
        assertThat(c.getString("phone")).as("an agent sees the phone masked").isEqualTo("+91******3210");
        assertThat(c.containsKey("name")).isFalse();
        assertThat(c.getString("language")).isEqualTo("hi");
        assertThat(c.getInteger("level")).as("on the desk: escalation level 1").isEqualTo(1);
        assertThat(java.time.OffsetDateTime.parse(c.getString("nextLevelAt")).toInstant())
                .as("level 2 at the SLA").isEqualTo(java.time.OffsetDateTime.parse(c.getString("slaDueAt")).toInstant());

        assertThat(act(agent, number, "resolve", 1, "done", null).statusCode()).as("an agent may not resolve").isEqualTo(403);
        assertThat(dashboard.get("/api/v1/complaints/" + number, labourOfficer).statusCode())
                .as("another department's officer").isEqualTo(403);

        JsonObject inbox = dashboard.get("/api/v1/complaints?state=open,assigned,reopened&district=" + DISTRICT, officer)
                .bodyAsJsonObject();
        assertThat(inbox.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("number"))).contains(number);
        JsonObject seen = inbox.getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("number").equals(number)).findFirst().orElseThrow();
        assertThat(seen.getString("phone")).as("the desk's officer sees the phone").isEqualTo("+919876543210");
        assertThat(seen.getJsonArray("actions").getList()).contains("assign", "resolve", "reject");

        HttpResponse<Buffer> assigned = act(officer, number, "assign", 1, null, "desk-food-2");
        assertThat(assigned.statusCode()).as(assigned.bodyAsString()).isEqualTo(200);
        assertThat(assigned.bodyAsJsonObject().getString("state")).isEqualTo("assigned");
        HttpResponse<Buffer> resolved = act(officer2, number, "resolve", 2, "ration delivered to the caller", null);
        assertThat(resolved.statusCode()).as(resolved.bodyAsString()).isEqualTo(200);
        JsonObject done = resolved.bodyAsJsonObject();
        assertThat(done.getString("state")).isEqualTo("resolved");
        assertThat(done.getLong("version")).isEqualTo(3);
        assertThat(done.getInteger("level")).as("resolved: never escalates").isZero();
        assertThat(done.containsKey("nextLevelAt")).isFalse();
        assertThat(done.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")))
                .containsExactly("register", "assign", "resolve");
        JsonArray replies = done.getJsonArray("replies");
        assertThat(replies).as("the citizen's two messages, handed to the notifier (none runs here)").hasSize(2);
        assertThat(replies.getJsonObject(0).getString("text")).contains(number, "दर्ज");
        assertThat(replies.getJsonObject(1).getString("text")).contains(number, "ration delivered to the caller");
        assertThat(replies.stream().map(r -> ((JsonObject) r).getString("state"))).containsOnly("pending");
        assertThat(replies.stream().map(r -> ((JsonObject) r).getString("channel"))).containsOnly("sms");

        List<TicketStep> steps = dashboard.readAll(Topics.TICKETS).stream().filter(s -> number.equals(s.ticket())).toList();
        assertThat(steps).extracting(TicketStep::event).containsExactly(TicketEventType.OPENED,
                TicketEventType.ASSIGNED, TicketEventType.RESOLVED);
        assertThat(steps).allSatisfy(s -> {
            assertThat(s.district()).isEqualTo(DISTRICT);
            assertThat(s.department()).isEqualTo("Food and Civil Supplies");
            assertThat(s.source()).isEqualTo("desk");
        });
        List<Complaint> stored = dashboard.readAll(ComplaintTopics.COMPLAINTS).stream()
                .filter(x -> number.equals(x.number())).toList();
        assertThat(stored).extracting(Complaint::version).containsExactly(1L, 2L, 3L);
        List<AuditEvent> audited = dashboard.readAll(AuditTopics.AUDIT).stream()
                .filter(a -> number.equals(a.target())).toList();
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::outcome).contains(
                org.assertj.core.groups.Tuple.tuple("complaint.register", "desk-agent", "ok"),
                org.assertj.core.groups.Tuple.tuple("complaint.assign", "desk-food-1", "ok"),
                org.assertj.core.groups.Tuple.tuple("complaint.resolve", "desk-food-2", "ok"));

        HttpResponse<Buffer> again = act(officer, number, "resolve", 3, "again", null);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.bodyAsJsonObject().getString("state")).isEqualTo("resolved");
        assertThat(again.bodyAsJsonObject().getString("reason")).contains("it is resolved");
    }

    @Test
    @DisplayName("two officers resolve the same version at once: exactly one 200, the other 409 with the current complaint; one ticket step")
    void shouldLetExactlyOneOfTwoConcurrentActionsWin() {
        String number = register(agent, "ration", "no ration at the shop").getString("number");
        for (int round = 0; round < 3; round++) {
            String n = round == 0 ? number : register(agent, "ration", "round " + round).getString("number");
            Future<HttpResponse<Buffer>> a = dashboard.request(HttpMethod.POST, "/api/v1/complaints/" + n + "/actions")
                    .bearerTokenAuthentication(officer.token())
                    .sendJsonObject(new JsonObject().put("action", "resolve").put("version", 1).put("note", "by one"));
            Future<HttpResponse<Buffer>> b = dashboard.request(HttpMethod.POST, "/api/v1/complaints/" + n + "/actions")
                    .bearerTokenAuthentication(officer2.token())
                    .sendJsonObject(new JsonObject().put("action", "reject").put("version", 1).put("note", "by two"));
            List<Integer> statuses = List.of(a.await().statusCode(), b.await().statusCode());
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            HttpResponse<Buffer> loser = a.await().statusCode() == 409 ? a.await() : b.await();
            assertThat(loser.bodyAsJsonObject().getString("error")).isEqualTo("conflict");
            assertThat(loser.bodyAsJsonObject().getJsonObject("complaint").getString("number")).isEqualTo(n);
            JsonObject now = dashboard.get("/api/v1/complaints/" + n, officer).bodyAsJsonObject();
            assertThat(now.getLong("version")).isEqualTo(2);
            assertThat(now.getJsonArray("history")).hasSize(2);
            assertThat(dashboard.readAll(Topics.TICKETS).stream().filter(s -> n.equals(s.ticket())))
                    .extracting(TicketStep::event).containsExactly(TicketEventType.OPENED, TicketEventType.RESOLVED);
        }
        HttpResponse<Buffer> stale = act(officer, number, "reopen", 1, "stale", null);
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.bodyAsJsonObject().getJsonObject("complaint").getLong("version")).isEqualTo(2);
    }

    @Test
    @DisplayName("unknown number 404; oversized or hostile text, unknown district, bad version: 400 naming the field, nothing stored")
    void shouldRefuseBadInputStoringNothing() {
        String number = register(agent, "wages", "wages not paid for March").getString("number");
        assertThat(dashboard.get("/api/v1/complaints/MP-394-999999", officer).statusCode()).isEqualTo(404);
        assertThat(dashboard.get("/api/v1/complaints/%3Cscript%3E", officer).statusCode()).isEqualTo(404);
        long before = dashboard.readAll(ComplaintTopics.COMPLAINTS).size();
        assertField(dashboard.post("/api/v1/complaints", agent, new JsonObject().put("phone", "9876543210")
                .put("district", "394").put("category", "ration").put("text", "x".repeat(2001))), "text");
        assertField(dashboard.post("/api/v1/complaints", agent, new JsonObject().put("phone", "9876543210")
                .put("district", "394").put("category", "ration").put("text", "a\u0000b")), "text");
        assertField(dashboard.post("/api/v1/complaints", agent, new JsonObject().put("phone", "9876543210")
                .put("district", "Xyzzyville").put("category", "ration").put("text", "x")), "district");
        assertField(dashboard.post("/api/v1/complaints", agent, new JsonObject().put("phone", 98765)
                .put("district", "394").put("category", "ration").put("text", "x")), "phone");
        assertField(act(labourOfficer, number, "resolve", 1, "y".repeat(2001), null), "note");
        assertField(act(labourOfficer, number, "resolve", 0, "ok", null), "version");
        assertField(act(labourOfficer, number, "explode", 1, "ok", null), "action");
        assertField(act(labourOfficer, number, "assign", 1, null, "nobody-such"), "assignee");
        assertField(act(labourOfficer, number, "forward", 1, null, null), "department");
        assertThat(dashboard.readAll(ComplaintTopics.COMPLAINTS)).hasSize((int) before);
        JsonObject now = dashboard.get("/api/v1/complaints/" + number, labourOfficer).bodyAsJsonObject();
        assertThat(now.getLong("version")).isEqualTo(1);
        assertThat(now.getString("department")).isEqualTo("Labour");
    }

    @Test
    @DisplayName("numbers continue after a restart (the complaints topic is read first), never repeating one")
    void shouldNeverRepeatANumberAcrossRestarts() {
        String first = register(agent, "water", "no water").getString("number");
        try (TestDashboard second = TestDashboard.start(kafka)) {
            Login a = second.login("desk-agent", PASSWORD);
            HttpResponse<Buffer> answer = second.post("/api/v1/complaints", a, new JsonObject().put("phone", "9876543210")
                    .put("district", DISTRICT).put("category", "water").put("text", "still no water"));
            assertThat(answer.statusCode()).isEqualTo(201);
            long seqFirst = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
            String next = answer.bodyAsJsonObject().getString("number");
            assertThat(Long.parseLong(next.substring(next.lastIndexOf('-') + 1))).isGreaterThan(seqFirst);
        }
    }

    @Test
    @DisplayName("administrators change routing at run time (audited); the next complaint follows; others get 403; a bad rule names its item")
    void shouldRouteByTheAdministratorsTable() {
        Login admin = dashboard.loginAdmin();
        JsonArray items = dashboard.get("/api/v1/admin/routing", admin).bodyAsJsonObject().getJsonArray("items");
        assertThat(items.stream().map(JsonObject.class::cast).filter(i -> "wages".equals(i.getString("category")))
                .map(i -> i.getString("department"))).containsExactly("Labour");
        assertThat(dashboard.get("/api/v1/admin/routing", officer).statusCode()).isEqualTo(403);
        JsonArray changed = items.copy().add(new JsonObject().put("category", "transport").put("district", DISTRICT)
                .put("department", "Betul Transport Cell"));
        HttpResponse<Buffer> put = dashboard.request(HttpMethod.PUT, "/api/v1/admin/routing")
                .bearerTokenAuthentication(admin.token()).sendJsonObject(new JsonObject().put("items", changed)).await();
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
        HttpResponse<Buffer> bad = dashboard.request(HttpMethod.PUT, "/api/v1/admin/routing")
                .bearerTokenAuthentication(admin.token()).sendJsonObject(new JsonObject().put("items",
                        new JsonArray().add(new JsonObject().put("category", "rice").put("district", "*")
                                .put("department", "X")))).await();
        assertField(bad, "items[0].category");
        assertThat(register(agent, "transport", "no bus home").getString("department")).isEqualTo("Betul Transport Cell");
        assertThat(register(agent, "other", "something else").getString("department")).isEqualTo("District Routing Desk");
        HttpResponse<Buffer> fromMessage = dashboard.post("/api/v1/complaints", agent, new JsonObject()
                .put("phone", "+919812345678").put("district", "बैतूल").put("category", "milk")
                .put("text", "बैतूल में दूध नहीं मिल रहा").put("channel", "whatsapp").put("message", "wa:wamid.HBgM-1"));
        assertThat(fromMessage.statusCode()).as(fromMessage.bodyAsString()).isEqualTo(201);
        JsonObject made = fromMessage.bodyAsJsonObject();
        assertThat(made.getString("message")).as("the link to the citizen message is kept").isEqualTo("wa:wamid.HBgM-1");
        assertThat(made.getString("department")).isEqualTo("Animal Husbandry and Dairy");
        assertThat(made.getJsonArray("replies").getJsonObject(0).getString("channel")).isEqualTo("whatsapp");
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("routing.update");
            assertThat(e.actor()).isEqualTo("admin");
        });
    }

    private static void assertField(HttpResponse<Buffer> answer, String field) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(400);
        assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo(field);
    }
}
