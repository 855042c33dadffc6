package org.warroom.dashboard.directive;

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
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveState;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.live.LiveChannel;
import org.warroom.testkit.Eventually;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Directives on a real Kafka: an operator issues one to Jabalpur (411), the district commander acknowledges, reports
 * progress and closes it, the operator returns it and then accepts it; every step a record on
 * {@code warroom.directives}, in the live channel and audited; stale versions 409, wrong states 422, other roles
 * and other districts 403; overdue by the clock; a restarted dashboard reads every directive back.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectiveDeskIntegrationTest {
    private static final String DISTRICT = "411";
    private static final String OTHER = "413";
    private static final String PASSWORD = "directive-pass-12";
    private LocalKafka kafka;
    private TestDashboard dashboard;
    private Login operator;
    private Login commander;
    private Login otherCommander;
    private Login healthOfficer;
    private Login labourOfficer;

    @BeforeAll
    void start(LocalKafka kafka) {
        this.kafka = kafka;
        dashboard = TestDashboard.start(kafka);
        saveUser("dir-operator", "operator", List.of(), List.of());
        saveUser("dir-cmdr", "commander", List.of(DISTRICT), List.of());
        saveUser("dir-cmdr-katni", "commander", List.of(OTHER), List.of());
        saveUser("dir-health", "officer", List.of(DISTRICT), List.of("Health"));
        saveUser("dir-labour", "officer", List.of(DISTRICT), List.of("Labour"));
        operator = dashboard.login("dir-operator", PASSWORD);
        commander = dashboard.login("dir-cmdr", PASSWORD);
        otherCommander = dashboard.login("dir-cmdr-katni", PASSWORD);
        healthOfficer = dashboard.login("dir-health", PASSWORD);
        labourOfficer = dashboard.login("dir-labour", PASSWORD);
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

    private String inHours(int hours) {
        return inMinutes(hours * 60);
    }

    private String inMinutes(int minutes) {
        return OffsetDateTime.ofInstant(dashboard.clock.instant().plus(Duration.ofMinutes(minutes)),
                ZoneOffset.ofHoursMinutes(5, 30)).toString();
    }

    private JsonObject issue(JsonObject body) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/directives", operator, body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(201);
        return answer.bodyAsJsonObject();
    }

    private HttpResponse<Buffer> act(Login who, String id, String action, long version, String note) {
        JsonObject body = new JsonObject().put("action", action).put("version", version);
        if (note != null) {
            body.put("note", note);
        }
        return dashboard.post("/api/v1/directives/" + id + "/actions", who, body);
    }

    @Test
    @DisplayName("issue → acknowledge → progress → close → return → close → accept: every step stored, live and audited")
    void shouldRunIssueToAccept() {
        JsonObject d = issue(new JsonObject().put("district", "Jabalpur").put("text", "send 200 kits of medicine")
                .put("deadline", inHours(4)).put("priority", "high").put("alert", "shortage-critical|411|medicine|1"));
        String id = d.getString("id");
        assertThat(d.getString("state")).isEqualTo("issued");
        assertThat(d.getString("district")).isEqualTo(DISTRICT);
        assertThat(d.getBoolean("overdue")).isFalse();
        assertThat(d.getJsonArray("actions").getList()).as("the operator issues; the owner acknowledges").isEmpty();

        assertThat(act(operator, id, "acknowledge", 1, null).statusCode()).as("only the owner acknowledges").isEqualTo(403);
        assertThat(dashboard.get("/api/v1/directives/" + id, otherCommander).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/directives/" + id, healthOfficer).statusCode())
                .as("a directive to the district commander is not a department desk's").isEqualTo(403);
        JsonObject seen = dashboard.get("/api/v1/directives?district=" + DISTRICT + "&state=issued", commander)
                .bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(i -> id.equals(i.getString("id"))).findFirst().orElseThrow();
        assertThat(seen.getJsonArray("actions").getList()).containsExactly("acknowledge", "progress", "close");

        HttpResponse<Buffer> ack = act(commander, id, "acknowledge", 1, null);
        assertThat(ack.statusCode()).as(ack.bodyAsString()).isEqualTo(200);
        assertThat(ack.bodyAsJsonObject().getString("state")).isEqualTo("acknowledged");
        assertThat(act(commander, id, "progress", 2, "100 loaded").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> stale = act(commander, id, "close", 2, "done");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.bodyAsJsonObject().getJsonObject("directive").getLong("version")).isEqualTo(3);
        HttpResponse<Buffer> noNote = act(commander, id, "close", 3, " ");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.bodyAsJsonObject().getString("field")).isEqualTo("note");
        HttpResponse<Buffer> early = act(operator, id, "accept", 3, null);
        assertThat(early.statusCode()).as(early.bodyAsString()).isEqualTo(422);
        assertThat(early.bodyAsJsonObject().getString("state")).isEqualTo("acknowledged");
        assertThat(early.bodyAsJsonObject().getString("reason")).contains("it is acknowledged");

        assertThat(act(commander, id, "close", 3, "200 kits delivered").statusCode()).isEqualTo(200);
        assertThat(act(operator, id, "return", 4, "only 150 counted").bodyAsJsonObject().getString("state"))
                .isEqualTo("acknowledged");
        assertThat(act(commander, id, "close", 5, "50 more delivered").statusCode()).isEqualTo(200);
        HttpResponse<Buffer> accepted = act(operator, id, "accept", 6, null);
        assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(200);
        JsonObject done = accepted.bodyAsJsonObject();
        assertThat(done.getString("state")).isEqualTo("accepted");
        assertThat(done.getJsonArray("history").stream().map(h -> ((JsonObject) h).getString("action")))
                .containsExactly("issue", "acknowledge", "progress", "close", "return", "close", "accept");

        List<Directive> stored = dashboard.readAll(DirectiveTopics.DIRECTIVES).stream().filter(x -> id.equals(x.id())).toList();
        assertThat(stored).extracting(Directive::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(stored.get(6).state()).isEqualTo(DirectiveState.ACCEPTED);
        Eventually.eventually(Duration.ofSeconds(10), () -> assertThat(dashboard.verticle.live()
                .get(LiveChannel.DIRECTIVES, id)).hasValueSatisfying(v -> assertThat(((Directive) v.value()).version())
                .isEqualTo(7)));
        List<AuditEvent> audit = dashboard.readAll(AuditTopics.AUDIT).stream().filter(e -> id.equals(e.target())).toList();
        assertThat(audit).extracting(AuditEvent::action).contains("directive.issue", "directive.acknowledge",
                "directive.progress", "directive.close", "directive.return", "directive.accept");
        assertThat(audit).filteredOn(e -> "conflict".equals(e.outcome()) || "stale".equals(e.outcome()))
                .as("the stale close is audited too").isNotEmpty();
    }

    @Test
    @DisplayName("a department desk's directive: its officer acts, another department's does not see it; overdue by the clock")
    void shouldRouteToDepartmentAndTurnOverdue() {
        JsonObject d = issue(new JsonObject().put("district", DISTRICT).put("department", "Health")
                .put("text", "open a fever camp").put("deadline", inMinutes(1)));
        String id = d.getString("id");
        assertThat(d.getString("priority")).isEqualTo("normal");
        assertThat(dashboard.get("/api/v1/directives/" + id, labourOfficer).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/directives?district=" + DISTRICT, labourOfficer).bodyAsJsonObject()
                .getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id"))).doesNotContain(id);
        assertThat(act(healthOfficer, id, "acknowledge", 1, null).statusCode()).isEqualTo(200);

        dashboard.clock.advance(Duration.ofMinutes(2)); // well within the sessions' idle limit
        try {
            JsonObject overdue = dashboard.get("/api/v1/directives?state=overdue&district=" + DISTRICT, operator)
                    .bodyAsJsonObject();
            assertThat(overdue.getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(i -> id.equals(i.getString("id"))).findFirst().orElseThrow().getBoolean("overdue")).isTrue();
            assertThat(act(healthOfficer, id, "close", 2, "camp running").statusCode()).isEqualTo(200);
            assertThat(dashboard.get("/api/v1/directives?state=overdue&district=" + DISTRICT, operator)
                    .bodyAsJsonObject().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("id")))
                    .as("closed: no longer overdue").doesNotContain(id);
        } finally {
            dashboard.clock.advance(Duration.ofMinutes(-2));
        }
    }

    @Test
    @DisplayName("bad input names the field; other roles and districts outside the scope are refused; nothing stored")
    void shouldRefuseBadInputAndOtherRoles() {
        long before = dashboard.readAll(DirectiveTopics.DIRECTIVES).size();
        assertField(new JsonObject().put("district", "Jabalpor").put("text", "x").put("deadline", inHours(1)), "district");
        assertField(new JsonObject().put("district", DISTRICT).put("text", " ").put("deadline", inHours(1)), "text");
        assertField(new JsonObject().put("district", DISTRICT).put("text", "x").put("deadline", "tomorrow"), "deadline");
        assertField(new JsonObject().put("district", DISTRICT).put("text", "x").put("deadline", inHours(-1)), "deadline");
        assertField(new JsonObject().put("district", DISTRICT).put("text", "x").put("deadline", inHours(1))
                .put("priority", "asap"), "priority");
        assertThat(dashboard.post("/api/v1/directives", commander, new JsonObject().put("district", DISTRICT)
                .put("text", "x").put("deadline", inHours(1))).statusCode()).as("a commander does not issue").isEqualTo(403);
        assertThat(dashboard.get("/api/v1/directives?state=late", operator).statusCode()).isEqualTo(400);
        assertThat(dashboard.get("/api/v1/directives/D-NONE", operator).statusCode()).isEqualTo(404);
        assertThat(dashboard.readAll(DirectiveTopics.DIRECTIVES)).hasSize((int) before);
    }

    private void assertField(JsonObject body, String field) {
        HttpResponse<Buffer> answer = dashboard.post("/api/v1/directives", operator, body);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(400);
        assertThat(answer.bodyAsJsonObject().getString("field")).isEqualTo(field);
    }

    @Test
    @DisplayName("a restarted dashboard reads every directive back from the topic")
    void shouldReadDirectivesBackAfterRestart() {
        String id = issue(new JsonObject().put("district", DISTRICT).put("text", "count the stock")
                .put("deadline", inHours(3))).getString("id");
        try (TestDashboard second = TestDashboard.start(kafka)) {
            Login op = second.login("dir-operator", PASSWORD);
            HttpResponse<Buffer> answer = second.get("/api/v1/directives/" + id, op);
            assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
            assertThat(answer.bodyAsJsonObject().getString("text")).isEqualTo("count the stock");
        }
    }
}
