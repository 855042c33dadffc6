package org.warroom.dashboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.campaign.CampaignTopics;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintChannel;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerSource;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.elastic.ElasticClientFactory;
import org.warroom.elastic.ElasticSettings;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexTemplates;
import org.warroom.elastic.doc.WorkerDoc;
import org.warroom.testkit.FeedEvents;
import org.warroom.testkit.LocalElasticsearch;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealElasticsearch;
import org.warroom.testkit.RealKafka;

/**
 * Verification-call campaigns through the HTTP API against the real servers: a registry of 40 workers in the real
 * Elasticsearch node (30 from Bhopal, 10 from Indore), a supervisor's campaign over Bhopal's, two agents working it,
 * outcomes flowing back to the registry and the grievance desk in the real Kafka, and a restart of the dashboard in the
 * middle that hands out no worker twice and loses no outcome.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignsIntegrationTest {
    private static final String PASSWORD = "campaign-password-1";
    /** 12:00 IST on the test day: within the default calling hours. */
    private static final Instant NOON = Instant.parse("2026-12-07T06:30:00Z");
    private LocalKafka kafka;
    private String prefix;
    private String esUrl;
    private ElasticsearchClient client;
    private TestDashboard dashboard;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        this.kafka = kafka;
        this.esUrl = es.url();
        prefix = "camp" + System.nanoTime();
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(), "es.index.prefix", prefix)));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        IndexTemplates.createIndices(client, settings, NOON); // the situation report reads the day's indices
        List<BulkOperation> ops = new ArrayList<>();
        OffsetDateTime old = OffsetDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30));
        for (int i = 0; i < 40; i++) {
            String home = i < 30 ? FeedEvents.BHOPAL : FeedEvents.INDORE;
            WorkerRecord w = FeedEvents.worker(String.format("cw%02d", i), "Worker " + i, "+9198000000" + String.format("%02d", i),
                    home, null, WorkerStatus.WORKING, i % 3 == 0 ? null : old.plusDays(i));
            String index = settings.names().index(IndexFamily.WORKERS, null);
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(index).id(w.id()).document(WorkerDoc.of(w)))));
        }
        assertThat(client.bulk(b -> b.operations(ops).refresh(Refresh.True)).errors()).isFalse();
        dashboard = dashboard();
        dashboard.saveUser("c-sup", PASSWORD, "supervisor", List.of(), List.of());
        dashboard.saveUser("c-a1", PASSWORD, "agent", List.of(), List.of());
        dashboard.saveUser("c-a2", PASSWORD, "agent", List.of(), List.of());
        dashboard.saveUser("c-a3", PASSWORD, "agent", List.of(), List.of());
        dashboard.saveUser("c-op", PASSWORD, "operator", List.of(), List.of());
    }

    private TestDashboard dashboard() {
        TestDashboard d = TestDashboard.start(kafka, esUrl, Map.of("es.index.prefix", prefix));
        d.clock.set(NOON);
        return d;
    }

    @AfterAll
    void stop() throws Exception {
        dashboard.close();
        client.close();
    }

    @Test
    @DisplayName("a supervisor's campaign over Bhopal: two agents racing never get one worker, outcomes reach the registry and the complaint desk, a restart loses nothing")
    void shouldRunCampaignEndToEnd() {
        Login sup = dashboard.login("c-sup", PASSWORD);
        JsonObject created = json(dashboard.post("/api/v1/campaigns", sup, new JsonObject()
                .put("name", "Bhopal verification").put("filter", new JsonObject().put("homeDistrict", FeedEvents.BHOPAL))
                .put("maxAttempts", 2).put("retryAfter", 30).put("agents", List.of("c-a1", "c-a2"))), 201);
        String id = created.getString("id");
        assertThat(created.getInteger("size")).isEqualTo(30);
        assertThat(created.getInteger("pending")).isEqualTo(30);

        Login a1 = dashboard.login("c-a1", PASSWORD);
        Login a2 = dashboard.login("c-a2", PASSWORD);
        // Both agents ask at the same moment.
        Future<HttpResponse<Buffer>> f1 = dashboard.request(HttpMethod.POST, "/api/v1/campaigns/" + id + "/next")
                .bearerTokenAuthentication(a1.token()).send();
        Future<HttpResponse<Buffer>> f2 = dashboard.request(HttpMethod.POST, "/api/v1/campaigns/" + id + "/next")
                .bearerTokenAuthentication(a2.token()).send();
        JsonObject n1 = json(f1.await(), 200);
        JsonObject n2 = json(f2.await(), 200);
        String w1 = n1.getJsonObject("worker").getString("id");
        String w2 = n2.getJsonObject("worker").getString("id");
        assertThat(w1).isNotEqualTo(w2);
        assertThat(List.of(w1, w2)).as("never-verified workers first: cw00, cw03 …").containsExactlyInAnyOrder("cw00", "cw03");
        assertThat(n1.getJsonObject("worker").getString("phone")).as("the agent sees the phone in clear")
                .startsWith("+9198000000");
        assertThat(n1.getJsonObject("script").getString("hi")).contains("भोपाल");
        assertThat(n1.getJsonObject("script").getString("en")).contains("Bhopal");
        // No dialling provider configured: no call button, the agent dials by hand.
        assertThat(n1.containsKey("dial")).isFalse();
        json(dashboard.post("/api/v1/campaigns/" + id + "/dial", a1, attempt(n1, "verified")), 404);

        // Bad input names the field; a lease that is not yours is a conflict.
        JsonObject noState = json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a1, attempt(n1, "verified")), 400);
        assertThat(noState.getString("field")).isEqualTo("currentState");
        json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a2, attempt(n1, "refused")), 409);
        json(dashboard.post("/api/v1/campaigns/" + id + "/next", dashboard.login("c-a3", PASSWORD), new JsonObject()), 403);
        json(dashboard.post("/api/v1/campaigns/" + id + "/next", dashboard.login("c-op", PASSWORD), new JsonObject()), 403);

        // a1 verifies: the registry gets the worker's new place of work (source call).
        JsonObject verified = json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a1,
                attempt(n1, "verified").put("currentState", "Maharashtra").put("status", "working")), 200);
        assertThat(verified.getJsonObject("progress").getInteger("verified")).isEqualTo(1);
        json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a1,
                attempt(n1, "verified").put("currentState", "Maharashtra")), 200);
        WorkerRecord update = dashboard.readAll(Topics.WORKERS).stream().filter(w -> w.id().equals(w1)).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(update.source()).isEqualTo(WorkerSource.CALL);
        assertThat(update.currentState()).isEqualTo("27");
        assertThat(update.name()).isEqualTo("Worker " + Integer.parseInt(w1.substring(2)));

        // a2's worker needs help: a complaint on Bhopal's Labour desk (wages), registered by the agent, channel call.
        json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a2,
                attempt(n2, "needs-help").put("category", "wages").put("note", "not paid for two months")), 200);
        Complaint complaint = dashboard.readAll(ComplaintTopics.COMPLAINTS).stream()
                .filter(c -> c.text() != null && c.text().contains(id)).reduce((a, b) -> b).orElseThrow();
        assertThat(complaint.district()).isEqualTo(FeedEvents.BHOPAL);
        assertThat(complaint.category()).isEqualTo("wages");
        assertThat(complaint.department()).isEqualTo("Labour");
        assertThat(complaint.channel()).isEqualTo(ComplaintChannel.CALL);
        assertThat(complaint.phone()).startsWith("+9198000000");
        assertThat(complaint.text()).startsWith("not paid for two months");
        assertThat(complaint.number()).startsWith("MP-" + FeedEvents.BHOPAL + "-");

        // a1 takes the next worker and does not answer; the dashboard restarts.
        JsonObject held = json(dashboard.post("/api/v1/campaigns/" + id + "/next", a1, new JsonObject()), 200);
        json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", a2,
                attempt(json(dashboard.post("/api/v1/campaigns/" + id + "/next", a2, new JsonObject()), 200),
                        "not-reachable")), 200);
        dashboard.close();
        dashboard = dashboard();
        a1 = dashboard.login("c-a1", PASSWORD);
        a2 = dashboard.login("c-a2", PASSWORD);
        JsonObject again = json(dashboard.post("/api/v1/campaigns/" + id + "/next", a1, new JsonObject()), 200);
        assertThat(again.getJsonObject("lease").getString("id")).isEqualTo(held.getJsonObject("lease").getString("id"));
        JsonObject other = json(dashboard.post("/api/v1/campaigns/" + id + "/next", a2, new JsonObject()), 200);
        assertThat(other.getJsonObject("worker").getString("id"))
                .isNotIn(w1, w2, again.getJsonObject("worker").getString("id"));
        JsonObject progress = json(dashboard.get("/api/v1/campaigns/" + id, dashboard.login("c-sup", PASSWORD)), 200);
        assertThat(progress.getInteger("size")).isEqualTo(30);
        assertThat(progress.getInteger("verified")).isEqualTo(1);
        assertThat(progress.getInteger("reached")).isEqualTo(2);
        assertThat(progress.getLong("attempts")).isEqualTo(3);
        assertThat(progress.getInteger("closed")).isEqualTo(2);
        assertThat(progress.getInteger("pending")).isEqualTo(28);
        assertThat(progress.getInteger("leased")).isEqualTo(2);
        // By home district: every worker of this campaign is from Bhopal, so the one row is the whole.
        JsonObject bhopal = progress.getJsonArray("byDistrict").getJsonObject(0);
        assertThat(progress.getJsonArray("byDistrict")).hasSize(1);
        assertThat(bhopal.getString("district")).isEqualTo(FeedEvents.BHOPAL);
        assertThat(List.of(bhopal.getInteger("size"), bhopal.getInteger("verified"), bhopal.getInteger("reached"),
                bhopal.getInteger("pending"), bhopal.getInteger("exhausted"))).containsExactly(30, 1, 2, 28, 0);
        // The situation report (state-wide) carries the same figures for the running campaign.
        JsonObject report = json(dashboard.get("/api/v1/report", dashboard.loginAdmin()), 200);
        JsonObject line = report.getJsonArray("campaigns").stream().map(o -> (JsonObject) o)
                .filter(c -> id.equals(c.getString("id"))).findFirst().orElseThrow();
        assertThat(List.of(line.getInteger("size"), line.getInteger("reached"), line.getInteger("verified"),
                line.getInteger("pending"), line.getInteger("exhausted"))).containsExactly(30, 2, 1, 28, 0);
        assertThat(line.getLong("attempts")).isEqualTo(3);
        List<WorkerCalls> calls = dashboard.readAll(CampaignTopics.CALLS).stream().filter(c -> c.campaign().equals(id)).toList();
        assertThat(calls).hasSize(3);
    }

    @Test
    @DisplayName("a campaign needs a name and a filter that selects someone; unknown filters are named")
    void shouldRefuseBadCampaigns() {
        Login sup = dashboard.login("c-sup", PASSWORD);
        assertThat(json(dashboard.post("/api/v1/campaigns", sup, new JsonObject().put("filter", new JsonObject())), 400)
                .getString("field")).isEqualTo("name");
        assertThat(json(dashboard.post("/api/v1/campaigns", sup, new JsonObject().put("name", "x")
                .put("filter", new JsonObject().put("homeDistric", "396"))), 400).getString("field"))
                .isEqualTo("filter.homeDistric");
        assertThat(json(dashboard.post("/api/v1/campaigns", sup, new JsonObject().put("name", "x")
                .put("filter", new JsonObject().put("skill", "astronaut"))), 400).getString("field")).isEqualTo("filter");
        assertThat(json(dashboard.post("/api/v1/campaigns", sup, new JsonObject().put("name", "x").put("maxAttempts", 0)),
                400).getString("field")).isEqualTo("maxAttempts");
        json(dashboard.post("/api/v1/campaigns", dashboard.login("c-a1", PASSWORD), new JsonObject().put("name", "x")), 403);
    }

    private static JsonObject attempt(JsonObject next, String outcome) {
        return new JsonObject().put("worker", next.getJsonObject("worker").getString("id"))
                .put("lease", next.getJsonObject("lease").getString("id")).put("outcome", outcome);
    }

    private static JsonObject json(HttpResponse<Buffer> answer, int status) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
        return answer.body() == null || answer.body().length() == 0 ? new JsonObject() : answer.bodyAsJsonObject();
    }
}
