package org.warroom.dashboard.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.topic.Topics;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.AliasStatus;
import org.warroom.contracts.triage.Placement;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.MessageDoc;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * Triage on a real Kafka and a real Elasticsearch (docs/TRIAGE.md): unplaced messages indexed as the indexer does;
 * the operator's queue oldest first with masked senders and suggestions; a placement writes the placed copy of the
 * message (same id) to {@code warroom.messages} and the placement, audited; a second placement, or two operators
 * racing, 409 with the version and the placement that won; the spelling proposed as an alias, accepted once by an
 * administrator; who may see and do what.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageIntegrationTest {
    private static final String PASSWORD = "triage-pass-123";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private final String run = "tri" + System.nanoTime();
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).withNano(0);
    private TestDashboard dashboard;
    private ElasticsearchClient es;
    private IndexNames names;
    private Login operator;
    private Login otherOperator;
    private Login admin;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch local) {
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", local.url(), "es.index.prefix", run)));
        es = ElasticClientFactory.create(settings);
        IndexTemplates.install(es, settings);
        names = settings.names();
        index(message("-old", "bhpoal me doodh nahi mil raha, call 9876543210", now.minusMinutes(40)));
        index(message("-new", "no ration here since monday", now.minusMinutes(5)));
        index(message("-race", "paani nahi hai yahan", now.minusMinutes(20)));
        index(new CitizenMessage(run + "-located", Channel.SMS, "+919800000001", "Indore mein doodh nahi", now,
                "397", "hi", CitizenMessage.DISTRICT_RECOGNISED, List.of(Commodity.MILK), null, "test"));
        dashboard = TestDashboard.start(kafka, local.url(), Map.of("es.index.prefix", run));
        dashboard.clock.set(now.toInstant());
        dashboard.saveUser("tri-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("tri-op2", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("tri-cmdr", PASSWORD, "commander", List.of("396"), List.of());
        JsonObject limited = new JsonObject().put("username", "tri-op-mp").put("password", PASSWORD)
                .put("role", "operator").put("states", new JsonArray().add("23"));
        assertThat(dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), limited).statusCode()).isIn(200, 201);
        operator = dashboard.login("tri-op", PASSWORD);
        otherOperator = dashboard.login("tri-op2", PASSWORD);
        admin = dashboard.loginAdmin();
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private CitizenMessage message(String suffix, String text, OffsetDateTime at) {
        return new CitizenMessage(run + suffix, Channel.WHATSAPP, "+919812345678", text, at, null, "hi",
                CitizenMessage.DISTRICT_UNKNOWN, List.of(Commodity.MILK), "Ramesh Kumar", "test");
    }

    private void index(CitizenMessage m) {
        try {
            es.index(i -> i.index(names.index(IndexFamily.MESSAGES, m.at())).id(m.id()).document(MessageDoc.of(m))
                    .refresh(Refresh.True));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<Buffer> place(Login who, String id, String district, long version, String spelling) {
        JsonObject body = new JsonObject().put("district", district).put("version", version);
        if (spelling != null) {
            body.put("spelling", spelling);
        }
        return dashboard.post("/api/v1/triage/messages/" + id + "/placement", who, body);
    }

    private List<JsonObject> queue(Login who) {
        HttpResponse<Buffer> answer = dashboard.get("/api/v1/triage/messages", who);
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        return answer.bodyAsJsonObject().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    @Test
    @DisplayName("queue → place → the placed copy on warroom.messages once, audited; again 409; the spelling proposed, accepted once")
    void shouldPlaceOnceAndLearnTheSpelling() {
        List<JsonObject> items = queue(operator);
        assertThat(items).extracting(i -> i.getString("id")).as("oldest first, located ones left out")
                .containsExactly(run + "-old", run + "-race", run + "-new");
        JsonObject old = items.get(0);
        assertThat(old.getString("from")).doesNotContain("9812345678").endsWith("5678");
        assertThat(old.getString("text")).as("numbers in the text masked for an operator").doesNotContain("9876543210")
                .startsWith("bhpoal me doodh");
        assertThat(old.getLong("version")).isZero();
        JsonObject first = old.getJsonArray("suggestions").getJsonObject(0);
        assertThat(first.getString("district")).isEqualTo("396");
        assertThat(first.getString("nameHi")).isEqualTo("भोपाल");
        assertThat(first.getString("spelling")).isEqualTo("bhpoal");

        HttpResponse<Buffer> placed = place(operator, run + "-old", "396", 0, "bhpoal");
        assertThat(placed.statusCode()).as(placed.bodyAsString()).isEqualTo(201);
        assertThat(placed.bodyAsJsonObject().getString("district")).isEqualTo("396");
        assertThat(placed.bodyAsJsonObject().getLong("version")).isEqualTo(1);

        List<CitizenMessage> copies = dashboard.readAll(Topics.MESSAGES).stream()
                .filter(m -> m.id().equals(run + "-old")).toList();
        assertThat(copies).hasSize(1);
        CitizenMessage copy = copies.get(0);
        assertThat(copy.district()).isEqualTo("396");
        assertThat(copy.districtSource()).isEqualTo(CitizenMessage.DISTRICT_ASSIGNED);
        assertThat(copy.at().toInstant()).isEqualTo(now.minusMinutes(40).toInstant());
        assertThat(copy.from()).as("the whole message, as ingest wrote it").isEqualTo("+919812345678");
        assertThat(copy.commodities()).containsExactly(Commodity.MILK);
        assertThat(dashboard.readAll(TriageTopics.PLACEMENTS)).filteredOn(p -> p.messageId().equals(run + "-old"))
                .extracting(Placement::district, Placement::by, Placement::version).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("396", "tri-op", 1L));
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).filteredOn(e -> run.concat("-old").equals(e.target()))
                .extracting(AuditEvent::action, AuditEvent::outcome, AuditEvent::district)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("triage.place", "ok", "396"));
        assertThat(queue(operator)).extracting(i -> i.getString("id")).as("placed: out of the queue at once")
                .containsExactly(run + "-race", run + "-new");

        HttpResponse<Buffer> again = place(otherOperator, run + "-old", "397", 0, null);
        assertThat(again.statusCode()).as(again.bodyAsString()).isEqualTo(409);
        assertThat(again.bodyAsJsonObject().getLong("currentVersion")).isEqualTo(1);
        assertThat(again.bodyAsJsonObject().getJsonObject("placement").getString("district")).isEqualTo("396");
        assertThat(dashboard.readAll(Topics.MESSAGES)).filteredOn(m -> m.id().equals(run + "-old")).hasSize(1);
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).filteredOn(e -> run.concat("-old").equals(e.target()))
                .extracting(AuditEvent::outcome).containsExactly("ok", "stale");

        JsonObject proposal = dashboard.get("/api/v1/triage/aliases?status=proposed", operator).bodyAsJsonObject()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("spelling").equals("bhpoal")).findFirst().orElseThrow();
        assertThat(proposal.getString("district")).isEqualTo("396");
        assertThat(proposal.getInteger("placements")).isEqualTo(1);
        JsonObject decision = new JsonObject().put("key", proposal.getString("key")).put("decision", "accepted")
                .put("version", proposal.getLong("version"));
        assertThat(dashboard.post("/api/v1/triage/aliases/decisions", operator, decision).statusCode())
                .as("only administrators decide").isEqualTo(403);
        HttpResponse<Buffer> accepted = dashboard.post("/api/v1/triage/aliases/decisions", admin, decision);
        assertThat(accepted.statusCode()).as(accepted.bodyAsString()).isEqualTo(200);
        assertThat(accepted.bodyAsJsonObject().getString("status")).isEqualTo("accepted");
        assertThat(dashboard.post("/api/v1/triage/aliases/decisions", admin, decision.put("decision", "rejected"))
                .statusCode()).as("decided already").isEqualTo(409);
        eventually(WITHIN, () -> assertThat(dashboard.readAll(TriageTopics.ALIASES))
                .filteredOn(p -> p.spelling().equals("bhpoal")).extracting(AliasProposal::status)
                .containsExactly(AliasStatus.PROPOSED, AliasStatus.ACCEPTED));
        assertThat(dashboard.readAll(AuditTopics.AUDIT)).filteredOn(e -> e.action().equals("triage.alias.accepted"))
                .extracting(AuditEvent::actor).containsExactly("admin");
    }

    @Test
    @DisplayName("two operators racing on one message: one placement, one 409 — the message counts once")
    void shouldLetOneOfTwoRacingOperatorsWin() {
        String id = run + "-race";
        JsonObject body = new JsonObject().put("district", "396").put("version", 0);
        JsonObject other = new JsonObject().put("district", "Indore").put("version", 0);
        Future<HttpResponse<Buffer>> a = dashboard.request(HttpMethod.POST, "/api/v1/triage/messages/" + id + "/placement")
                .bearerTokenAuthentication(operator.token()).sendJsonObject(body);
        Future<HttpResponse<Buffer>> b = dashboard.request(HttpMethod.POST, "/api/v1/triage/messages/" + id + "/placement")
                .bearerTokenAuthentication(otherOperator.token()).sendJsonObject(other);
        List<Integer> statuses = List.of(a.await().statusCode(), b.await().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(dashboard.readAll(Topics.MESSAGES)).filteredOn(m -> m.id().equals(id)).hasSize(1);
        assertThat(dashboard.readAll(TriageTopics.PLACEMENTS)).filteredOn(p -> p.messageId().equals(id)).hasSize(1);
    }

    @Test
    @DisplayName("refusals: unknown district 400 with suggestions, unknown id 404, located message 422, a spelling not in the text 400")
    void shouldRefuseWhatCannotBePlaced() {
        HttpResponse<Buffer> unknown = place(operator, run + "-new", "Bhpoal-nagar-xyz", 0, null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.bodyAsJsonObject().getString("field")).isEqualTo("district");
        assertThat(place(operator, run + "-nothing", "396", 0, null).statusCode()).isEqualTo(404);
        assertThat(place(operator, run + "-located", "396", 0, null).statusCode()).isEqualTo(422);
        HttpResponse<Buffer> spelling = place(operator, run + "-new", "396", 0, "bhopal");
        assertThat(spelling.statusCode()).isEqualTo(400);
        assertThat(spelling.bodyAsJsonObject().getString("field")).isEqualTo("spelling");
        assertThat(place(operator, run + "-new", "396", 2, null).statusCode()).as("unplaced: version 0").isEqualTo(409);
        assertThat(place(operator, run + "-new", "396", -1, null).statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("the queue is all-India: a state-limited operator and a commander are refused; no body, no write")
    void shouldKeepTheQueueToAllIndiaOperators() {
        Login limited = dashboard.login("tri-op-mp", PASSWORD);
        Login commander = dashboard.login("tri-cmdr", PASSWORD);
        assertThat(dashboard.get("/api/v1/triage/messages", limited).statusCode()).isEqualTo(403);
        assertThat(dashboard.get("/api/v1/triage/messages", commander).statusCode()).isEqualTo(403);
        assertThat(place(commander, run + "-new", "396", 0, null).statusCode()).isEqualTo(403);
        assertThat(place(limited, run + "-new", "396", 0, null).statusCode()).isEqualTo(403);
        assertThat(dashboard.readAll(Topics.MESSAGES)).filteredOn(m -> m.id().equals(run + "-new")).isEmpty();
    }
}
