package org.warroom.dashboard.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.campaign.CallAttempt;
import org.warroom.contracts.campaign.CampaignTopics;
import org.warroom.contracts.campaign.WorkerCalls;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.dashboard.campaign.dial.ProviderReceiver;
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
 * Click-to-call end to end on the real servers: an agent's click makes the dashboard ask "Exotel" (a local receiver
 * speaking Exotel's Connect API) to ring the agent's own phone and then the worker; Exotel's status callback, posted
 * to the StatusCallback the dashboard gave it, reaches the real ingest process and lands on the calls topic under the
 * provider's call id, which the outcome recorded for the lease keeps.
 */
@ExtendWith({RealKafka.class, RealElasticsearch.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignDialIntegrationTest {
    private static final String PASSWORD = "dial-password-1";
    private static final Instant NOON = Instant.parse("2026-12-07T06:30:00Z");
    private static final String AGENT_PHONE = "+919812300001";
    private static final String EXOTEL_TOKEN = "exo-callback-token";
    private final String run = Long.toString(System.nanoTime());
    private ProviderReceiver exotel;
    private Process ingest;
    private Path ingestDir;
    private int ingestPort;
    private TestDashboard dashboard;
    private ElasticsearchClient client;

    @BeforeAll
    void start(LocalKafka kafka, LocalElasticsearch es) throws Exception {
        String prefix = "dial" + run;
        ElasticSettings settings = ElasticSettings.from(Settings.ofKeys(Map.of("es.url", es.url(), "es.index.prefix", prefix)));
        client = ElasticClientFactory.create(settings);
        IndexTemplates.install(client, settings);
        List<BulkOperation> ops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WorkerRecord w = FeedEvents.worker("dw" + i, "Dial Worker " + i, "+91987650000" + i, FeedEvents.BHOPAL, null,
                    WorkerStatus.WORKING, null);
            ops.add(BulkOperation.of(b -> b.index(x -> x.index(settings.names().index(IndexFamily.WORKERS, null))
                    .id(w.id()).document(WorkerDoc.of(w)))));
        }
        assertThat(client.bulk(b -> b.operations(ops).refresh(Refresh.True)).errors()).isFalse();

        exotel = new ProviderReceiver();
        exotel.answer(200, "{\"Call\": {\"Sid\": \"exo" + run + "\", \"AccountSid\": \"acme1\", \"Status\": \"in-progress\","
                + " \"Direction\": \"outbound-api\", \"PhoneNumberSid\": \"08047091234\"}}");
        ingestPort = freePort();
        ingestDir = Files.createTempDirectory("dial-ingest");
        ingest = startIngest(kafka);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("es.index.prefix", prefix);
        keys.put("dial.provider", "exotel");
        keys.put("dial.api.base", exotel.url());
        keys.put("dial.account.sid", "acme1");
        keys.put("dial.api.key", "exo-key");
        keys.put("dial.api.token", "exo-api-token");
        keys.put("dial.caller.id", "08047091234");
        keys.put("ingest.public.url", "http://127.0.0.1:" + ingestPort);
        keys.put("exotel.token", EXOTEL_TOKEN);
        dashboard = TestDashboard.start(kafka, es.url(), keys);
        dashboard.clock.set(NOON);
        dashboard.saveUser("d-sup", PASSWORD, "supervisor", List.of(), List.of());
        dashboard.saveUser("d-nophone", PASSWORD, "agent", List.of(), List.of());
        HttpResponse<Buffer> saved = dashboard.post("/api/v1/admin/users", dashboard.loginAdmin(), new JsonObject()
                .put("username", "d-agent").put("password", PASSWORD).put("role", "agent")
                .put("contact", new JsonObject().put("phone", AGENT_PHONE)));
        assertThat(saved.statusCode()).as(saved.bodyAsString()).isIn(200, 201);
        awaitIngest();
    }

    @AfterAll
    void stop() throws Exception {
        if (dashboard != null) {
            dashboard.close();
        }
        if (ingest != null) {
            ingest.destroy();
            ingest.waitFor();
        }
        if (exotel != null) {
            exotel.close();
        }
        if (client != null) {
            client.close();
        }
    }

    @Test
    @DisplayName("one click: Exotel rings the agent then the worker; its callback reaches the calls feed under the call the attempt keeps")
    void shouldDialThroughExotelAndTieTheCallToTheAttempt() throws Exception {
        Login sup = dashboard.login("d-sup", PASSWORD);
        String id = json(dashboard.post("/api/v1/campaigns", sup, new JsonObject().put("name", "Dial " + run)
                .put("filter", new JsonObject().put("homeDistrict", FeedEvents.BHOPAL))), 201).getString("id");
        Login agent = dashboard.login("d-agent", PASSWORD);
        JsonObject next = json(dashboard.post("/api/v1/campaigns/" + id + "/next", agent, new JsonObject()), 200);
        assertThat(next.getString("dial")).as("the page shows the call button").isEqualTo("exotel");
        String worker = next.getJsonObject("worker").getString("id");
        String workerPhone = next.getJsonObject("worker").getString("phone");
        JsonObject hold = new JsonObject().put("worker", worker).put("lease", next.getJsonObject("lease").getString("id"));

        // An agent without a phone of their own, or without the worker's lease, is told why.
        Login nophone = dashboard.login("d-nophone", PASSWORD);
        JsonObject theirs = json(dashboard.post("/api/v1/campaigns/" + id + "/next", nophone, new JsonObject()), 200);
        assertThat(json(dashboard.post("/api/v1/campaigns/" + id + "/dial", nophone, new JsonObject()
                .put("worker", theirs.getJsonObject("worker").getString("id"))
                .put("lease", theirs.getJsonObject("lease").getString("id"))), 400).getString("field"))
                .isEqualTo("contact.phone");
        json(dashboard.post("/api/v1/campaigns/" + id + "/dial", nophone, hold), 409);
        assertThat(exotel.received()).isEmpty();

        HttpResponse<Buffer> dialled = dashboard.post("/api/v1/campaigns/" + id + "/dial", agent, hold);
        JsonObject call = json(dialled, 200);
        assertThat(call.getString("call")).isEqualTo("exotel:exo" + run);
        assertThat(call.getString("provider")).isEqualTo("exotel");
        assertThat(dialled.bodyAsString()).as("no phone number in the answer").doesNotContain(workerPhone, AGENT_PHONE);

        ProviderReceiver.Received asked = exotel.received().get(0);
        assertThat(asked.path()).isEqualTo("/v1/Accounts/acme1/Calls/connect.json");
        assertThat(asked.authorization()).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("exo-key:exo-api-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(asked.field("From")).isEqualTo(AGENT_PHONE);
        assertThat(asked.field("To")).isEqualTo(workerPhone);
        assertThat(asked.field("CallerId")).isEqualTo("08047091234");
        String callback = asked.field("StatusCallback");
        assertThat(callback).isEqualTo("http://127.0.0.1:" + ingestPort + "/webhooks/exotel?token=" + EXOTEL_TOKEN);

        // Exotel posts the terminal callback where it was told to: the call's steps land on the calls topic.
        Map<String, String> form = new LinkedHashMap<>();
        form.put("CallSid", "exo" + run);
        form.put("Status", "completed");
        form.put("From", AGENT_PHONE);
        form.put("To", workerPhone);
        form.put("Direction", "outbound-api");
        form.put("StartTime", "2026-12-07 12:00:05");
        form.put("EndTime", "2026-12-07 12:03:05");
        form.put("ConversationDuration", "150");
        form.put("EventType", "terminal");
        int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(callback))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&")))).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(200);
        eventually(Duration.ofSeconds(20), () -> assertThat(dashboard.readAll(Topics.CALLS).stream()
                .filter(s -> s.call().equals("exotel:exo" + run)).map(CallStep::event).toList())
                .containsExactlyInAnyOrder(CallEventType.STARTED, CallEventType.ANSWERED, CallEventType.ENDED));

        // The outcome recorded for the lease keeps the provider's call (and the worker's home district).
        json(dashboard.post("/api/v1/campaigns/" + id + "/attempts", agent, hold.copy().put("outcome", "wrong-number")), 200);
        WorkerCalls calls = dashboard.readAll(CampaignTopics.CALLS).stream()
                .filter(c -> c.campaign().equals(id) && c.worker().equals(worker)).reduce((a, b) -> b).orElseThrow();
        CallAttempt attempt = calls.last().orElseThrow();
        assertThat(attempt.call()).isEqualTo("exotel:exo" + run);
        assertThat(attempt.agent()).isEqualTo("d-agent");
        assertThat(calls.homeDistrict()).isEqualTo(FeedEvents.BHOPAL);

        JsonObject progress = json(dashboard.get("/api/v1/campaigns/" + id, sup), 200);
        JsonObject bhopal = progress.getJsonArray("byDistrict").getJsonObject(0);
        assertThat(bhopal.getString("district")).isEqualTo(FeedEvents.BHOPAL);
        assertThat(bhopal.getInteger("size")).isEqualTo(3);
        assertThat(bhopal.getInteger("pending")).isEqualTo(2);
        assertThat(bhopal.getInteger("reached")).isZero();
    }

    private Process startIngest(LocalKafka kafka) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-cp", System.getProperty("java.class.path"), "org.warroom.ingest.IngestMain");
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("WARROOM_"));
        env.put("WARROOM_KAFKA_BOOTSTRAP", kafka.bootstrap());
        env.put("WARROOM_INGEST_HOST", "127.0.0.1");
        env.put("WARROOM_INGEST_PORT", Integer.toString(ingestPort));
        env.put("WARROOM_INGEST_KEY", "wr_dialtest_0123456789abcdef");
        env.put("WARROOM_DATA_DIR", ingestDir.toString());
        env.put("WARROOM_EXOTEL_TOKEN", EXOTEL_TOKEN);
        env.put("WARROOM_TELEPHONY_DEFAULT_LINE", "181");
        pb.redirectErrorStream(true).redirectOutput(ingestDir.resolve("ingest.log").toFile());
        return pb.start();
    }

    private void awaitIngest() {
        HttpClient http = HttpClient.newHttpClient();
        eventually(Duration.ofSeconds(60), () -> {
            if (!ingest.isAlive()) {
                throw new Error("ingest exited: " + log());
            }
            try {
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                        .statusCode()).isEqualTo(200);
            } catch (IOException e) {
                throw new AssertionError("ingest does not answer yet: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        });
    }

    private String log() {
        try {
            return Files.readString(ingestDir.resolve("ingest.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static JsonObject json(HttpResponse<Buffer> answer, int status) {
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
        return answer.body() == null || answer.body().length() == 0 ? new JsonObject() : answer.bodyAsJsonObject();
    }
}
