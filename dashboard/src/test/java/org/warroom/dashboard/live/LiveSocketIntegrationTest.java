package org.warroom.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.Results;
import org.warroom.dashboard.api.TestDashboard;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;
import org.warroom.testkit.Scrape;

/** The websocket {@code /ws} against a real dashboard: snapshot, live updates from the real topics, scoping, keepalive. */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveSocketIntegrationTest {
    private static final String OWN = "394";
    private static final String OTHER = "395";
    /** Araria, Bihar (state 10); OWN and OTHER are in Madhya Pradesh (23). */
    private static final String BIHAR = "188";
    private static final String PASSWORD = "live-socket-password-1";
    /** How long a record may take from the topic to the socket here: generous, a loaded machine must not fail it. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private TestDashboard dashboard;
    private WebSocketClient client;

    /** One connected client and everything it received. */
    private record Client(WebSocket ws, List<JsonObject> frames) {
        List<JsonObject> of(String type, String channel) {
            return frames.stream().filter(f -> type.equals(f.getString("type")) && channel.equals(f.getString("channel"))).toList();
        }

        void send(JsonObject message) {
            ws.writeTextMessage(message.encode()).await();
        }
    }

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka, TestDashboard.UNREACHABLE_ES, Map.of("dashboard.ws.ping", "200ms",
                "dashboard.ws.idle", "5s"));
        dashboard.saveUser("ws-op", PASSWORD, "operator", List.of(), List.of());
        dashboard.saveUser("ws-cmd", PASSWORD, "commander", List.of(OWN), List.of());
        dashboard.saveUser("ws-resp", PASSWORD, "responder", List.of(OWN), List.of("water"));
        Results.districtFigures(dashboard, OWN, Commodity.MEDICINE);
        Results.districtFigures(dashboard, OTHER, Commodity.MEDICINE);
        Results.districtFigures(dashboard, BIHAR, Commodity.MEDICINE);
        dashboard.produce(ResultTopics.CALL_LOAD, "ws-104", Results.line("ws-104", 3, 10));
        client = dashboard.vertx.createWebSocketClient();
        Login op = dashboard.login("ws-op", PASSWORD);
        // every district's figures have reached the dashboard's live state (the topic's partitions are read apart)
        for (String district : List.of(OWN, OTHER, BIHAR)) {
            eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/shortages?district=" + district, op)
                    .bodyAsJsonObject().getJsonArray("items")).isNotEmpty());
        }
        eventually(Duration.ofSeconds(30), () -> assertThat(dashboard.get("/api/v1/calls/load", op)
                .bodyAsJsonObject().getJsonArray("items").encode()).contains("ws-104"));
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private Client connect(Login who, boolean cookie) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(dashboard.port())
                .setURI(cookie ? "/ws" : "/ws?token=" + who.token());
        if (cookie) {
            options.addHeader("Cookie", who.cookie());
        }
        List<JsonObject> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = client.connect(options).await();
        ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
        return new Client(ws, frames);
    }

    private static JsonObject subscribe(String... channels) {
        return new JsonObject().put("type", "subscribe").put("channels", new JsonArray(List.of(channels)));
    }

    @Test
    @DisplayName("on subscribe a client gets a snapshot of the current values, then each record reaching the real topic as an update")
    void shouldSendSnapshotThenUpdates() {
        Client c = connect(dashboard.login("ws-op", PASSWORD), true);
        c.send(subscribe("shortages", "call-load"));
        eventually(DELIVERY, () -> {
            assertThat(c.of("snapshot", "shortages")).hasSize(1);
            assertThat(c.of("snapshot", "call-load")).hasSize(1);
        });
        List<JsonObject> items = c.of("snapshot", "shortages").get(0).getJsonArray("items").stream()
                .map(JsonObject.class::cast).toList();
        assertThat(items.stream().map(o -> o.getString("district"))).contains(OWN, OTHER);
        // the values start() produced: medicine at 50 of 100 a day, CRITICAL
        assertThat(items).filteredOn(o -> OWN.equals(o.getString("district")) && "medicine".equals(o.getString("commodity")))
                .singleElement().satisfies(o -> {
                    assertThat(o.getDouble("stock")).isEqualTo(50d);
                    assertThat(o.getDouble("dailyNeed")).isEqualTo(100d);
                    assertThat(o.getString("status")).isEqualTo("CRITICAL");
                });
        assertThat(c.of("snapshot", "call-load").get(0).getJsonArray("items").stream().map(JsonObject.class::cast))
                .filteredOn(o -> "ws-104".equals(o.getString("line"))).singleElement()
                .satisfies(o -> assertThat(o.getInteger("capacity")).isEqualTo(10));

        dashboard.produce(ResultTopics.SHORTAGES, OWN + "|medicine", Results.shortage(OWN, Commodity.MEDICINE, 900, ShortageLevel.OK));
        // how fast belongs in a benchmark; here: it comes, once, with the new values (polled up to a deadline)
        eventually(DELIVERY, () -> assertThat(updates(c, OWN + "|medicine")).isNotEmpty());
        assertThat(updates(c, OWN + "|medicine")).singleElement().satisfies(u -> {
            assertThat(u.getJsonObject("value").getString("district")).isEqualTo(OWN);
            assertThat(u.getJsonObject("value").getString("commodity")).isEqualTo("medicine");
            assertThat(u.getJsonObject("value").getDouble("stock")).isEqualTo(900d);
            assertThat(u.getJsonObject("value").getDouble("daysOfCover")).isEqualTo(9d);
            assertThat(u.getJsonObject("value").getString("status")).isEqualTo("OK");
        });

        dashboard.produce(ResultTopics.SHORTAGES, OWN + "|medicine", null);
        eventually(DELIVERY, () -> assertThat(updates(c, OWN + "|medicine")).hasSize(2));
        assertThat(updates(c, OWN + "|medicine").get(1).getValue("value")).as("a deleted value").isNull();
        assertThat(c.of("update", "call-load")).isEmpty();
        c.ws().close().await();
    }

    @Test
    @DisplayName("/metrics: websocket sessions open, frames sent by type and received, pending depth, Vert.x HTTP by route")
    void shouldCountSessionsAndFrames() {
        String before = scrape();
        double sessions = Scrape.value(before, "warroom_dashboard_ws_sessions").orElseThrow();
        double snapshots = Scrape.value(before, "warroom_dashboard_ws_frames_sent_total{type=\"snapshot\"}").orElseThrow();
        double received = Scrape.value(before, "warroom_dashboard_ws_frames_received_total").orElseThrow();

        Client c = connect(dashboard.login("ws-op", PASSWORD), true);
        c.send(subscribe("shortages", "call-load"));
        eventually(DELIVERY, () -> assertThat(c.of("snapshot", "call-load")).hasSize(1));
        eventually(DELIVERY, () -> {
            String open = scrape();
            assertThat(Scrape.value(open, "warroom_dashboard_ws_sessions").orElseThrow()).isEqualTo(sessions + 1);
            assertThat(Scrape.value(open, "warroom_dashboard_ws_frames_sent_total{type=\"snapshot\"}").orElseThrow()
                    - snapshots).isEqualTo(2);
            assertThat(Scrape.value(open, "warroom_dashboard_ws_frames_received_total").orElseThrow() - received)
                    .isEqualTo(1);
            assertThat(Scrape.value(open, "warroom_dashboard_ws_pending")).isPresent();
            assertThat(Scrape.value(open, "warroom_dashboard_ws_pending_max")).isPresent();
        });

        c.ws().close().await();
        eventually(DELIVERY, () -> assertThat(Scrape.value(scrape(), "warroom_dashboard_ws_sessions").orElseThrow())
                .isEqualTo(sessions));
        String after = scrape();
        assertThat(Scrape.sum(after, "vertx_http_server_requests_total", "route=\"/api/v1/session\"",
                "method=\"POST\"", "code=\"200\"").orElseThrow()).isPositive();
        assertThat(Scrape.sum(after, "jvm_memory_used_bytes", "area=\"heap\"").orElseThrow()).isPositive();
        assertThat(after).contains("# TYPE warroom_dashboard_ws_sessions gauge");
    }

    private String scrape() {
        var answer = dashboard.request(io.vertx.core.http.HttpMethod.GET, "/metrics").send().await();
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.bodyAsString();
    }

    private static List<JsonObject> updates(Client c, String key) {
        return c.of("update", "shortages").stream().filter(u -> key.equals(u.getString("key"))).toList();
    }

    @Test
    @DisplayName("a wall screen subscribed to one state gets that state's districts and the state-wide figures, the same bytes as another")
    void shouldScopeASubscriptionToAState() {
        Login op = dashboard.login("ws-op", PASSWORD);
        Client a = connect(op, true);
        Client b = connect(op, false);
        JsonObject mp = subscribe("shortages", "call-load").put("state", "23");
        a.send(mp);
        b.send(mp);
        eventually(Duration.ofSeconds(5), () -> {
            assertThat(a.of("snapshot", "call-load")).hasSize(1);
            assertThat(b.of("snapshot", "call-load")).hasSize(1);
        });
        JsonArray items = a.of("snapshot", "shortages").get(0).getJsonArray("items");
        assertThat(items.stream().map(JsonObject.class::cast).map(o -> o.getString("district"))).contains(OWN, OTHER)
                .doesNotContain(BIHAR);
        assertThat(a.of("snapshot", "call-load").get(0).getJsonArray("items")).isNotEmpty();
        assertThat(b.of("snapshot", "shortages").get(0)).isEqualTo(a.of("snapshot", "shortages").get(0));

        dashboard.produce(ResultTopics.SHORTAGES, BIHAR + "|water", Results.shortage(BIHAR, Commodity.WATER, 1, ShortageLevel.CRITICAL));
        dashboard.produce(ResultTopics.SHORTAGES, OWN + "|water", Results.shortage(OWN, Commodity.WATER, 1, ShortageLevel.CRITICAL));
        eventually(Duration.ofSeconds(5), () -> assertThat(a.of("update", "shortages"))
                .anySatisfy(u -> assertThat(u.getString("key")).isEqualTo(OWN + "|water")));
        // Bihar's record was produced first, so had it been sent it would have arrived already.
        assertThat(a.of("update", "shortages")).noneSatisfy(u -> assertThat(u.getString("key")).startsWith(BIHAR + "|"));

        // Kiosk rotation: a new subscribe to Bihar replaces the snapshot with Bihar's districts only.
        a.send(subscribe("shortages").put("state", "10"));
        eventually(Duration.ofSeconds(5), () -> assertThat(a.of("snapshot", "shortages")).hasSize(2));
        // Other test classes write Bihar's districts to the same broker too: every district of the snapshot is Bihar's.
        org.warroom.contracts.reference.DistrictDirectory directory = org.warroom.contracts.reference.DistrictDirectory.load();
        assertThat(a.of("snapshot", "shortages").get(1).getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(o -> o.getString("district"))).contains(BIHAR)
                .allSatisfy(d -> assertThat(directory.byCode(d).orElseThrow().stateCode()).isEqualTo("10"));

        int before = a.frames().size();
        a.send(subscribe("shortages").put("state", "99"));
        eventually(Duration.ofSeconds(5), () -> assertThat(a.frames().subList(before, a.frames().size()))
                .anySatisfy(f -> assertThat(f.getString("reason")).contains("unknown state")));
        a.ws().close().await();
        b.ws().close().await();
    }

    @Test
    @DisplayName("a commander never receives another district's values, in snapshots or updates, nor state-wide ones")
    void shouldScopeCommanderToOwnDistrict() {
        Client c = connect(dashboard.login("ws-cmd", PASSWORD), false);
        c.send(subscribe("shortages", "backlogs", "alerts", "ratings", "call-load", "worker-distribution"));
        eventually(Duration.ofSeconds(5), () -> assertThat(c.of("snapshot", "worker-distribution")).hasSize(1));
        assertThat(c.of("snapshot", "backlogs").get(0).getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(o -> o.getString("district"))).containsOnly(OWN);
        assertThat(c.of("snapshot", "ratings").get(0).getJsonArray("items")).hasSize(1);
        assertThat(c.of("snapshot", "call-load").get(0).getJsonArray("items")).isEmpty();

        dashboard.produce(ResultTopics.BACKLOGS, OTHER + "|food", Results.backlog(OTHER, "food", 99, 9));
        dashboard.produce(ResultTopics.CALL_LOAD, "ws-104", Results.line("ws-104", 9, 10));
        dashboard.produce(ResultTopics.BACKLOGS, OWN + "|food", Results.backlog(OWN, "food", 11, 1));
        eventually(Duration.ofSeconds(5), () -> assertThat(c.of("update", "backlogs"))
                .anySatisfy(u -> assertThat(u.getString("key")).isEqualTo(OWN + "|food")));
        // The other district's record was produced first, so had it been sent it would have arrived already.
        assertThat(c.frames()).noneSatisfy(f -> assertThat(f.encode()).contains("\"district\":\"" + OTHER + "\""));
        assertThat(c.of("update", "call-load")).isEmpty();

        int before = c.frames().size();
        c.send(new JsonObject().put("type", "subscribe").put("channels", new JsonArray().add("shortages")).put("district", OTHER));
        eventually(Duration.ofSeconds(5), () -> assertThat(c.frames().subList(before, c.frames().size()))
                .anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("error")));
        assertThat(c.frames().subList(before, c.frames().size())).noneSatisfy(f -> assertThat(f.getString("type")).isEqualTo("snapshot"));
        c.ws().close().await();
    }

    @Test
    @DisplayName("a responder gets only the alerts of their categories")
    void shouldScopeResponderToCategories() {
        Client c = connect(dashboard.login("ws-resp", PASSWORD), true);
        c.send(subscribe("alerts"));
        eventually(Duration.ofSeconds(5), () -> assertThat(c.of("snapshot", "alerts")).hasSize(1));
        assertThat(c.of("snapshot", "alerts").get(0).getJsonArray("items")).isEmpty();
        var water = Results.alert(OWN, Commodity.WATER, org.warroom.contracts.result.AlertState.ACTIVE);
        dashboard.produce(ResultTopics.ALERTS, water.id(), water);
        eventually(Duration.ofSeconds(5), () -> assertThat(c.of("update", "alerts"))
                .anySatisfy(u -> assertThat(u.getString("key")).isEqualTo(water.id())));
        assertThat(c.of("update", "alerts")).allSatisfy(u -> assertThat(u.getString("key")).contains("water"));
        c.ws().close().await();
    }

    @Test
    @DisplayName("the server pings, answers pings with pongs, rejects unknown channels, and closes the socket when the session ends")
    void shouldKeepAliveAndCloseOnLogout() {
        Login login = dashboard.login("ws-op", PASSWORD);
        Client c = connect(login, true);
        c.send(new JsonObject().put("type", "ping"));
        c.send(subscribe("no-such-channel"));
        eventually(Duration.ofSeconds(5), () -> {
            assertThat(c.frames()).anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("pong"));
            assertThat(c.frames()).anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("ping"));
            assertThat(c.frames()).anySatisfy(f -> assertThat(f.getString("reason")).contains("no-such-channel"));
        });
        java.util.concurrent.atomic.AtomicReference<Short> closed = new java.util.concurrent.atomic.AtomicReference<>();
        c.ws().closeHandler(v -> closed.set(c.ws().closeStatusCode()));
        dashboard.request(io.vertx.core.http.HttpMethod.DELETE, "/api/v1/session").bearerTokenAuthentication(login.token())
                .send().await();
        eventually(Duration.ofSeconds(5), () -> assertThat(closed.get()).isEqualTo((short) 4401));
    }

    @Test
    @DisplayName("without a session, or from a foreign origin, the upgrade is refused")
    void shouldRefuseUnauthenticatedUpgrade() {
        WebSocketConnectOptions anonymous = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(dashboard.port()).setURI("/ws");
        assertThat(client.connect(anonymous).failed() || client.connect(anonymous).toCompletionStage().toCompletableFuture()
                .handle((ws, e) -> e != null).join()).isTrue();
        Login login = dashboard.login("ws-op", PASSWORD);
        WebSocketConnectOptions foreign = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(dashboard.port())
                .setURI("/ws").addHeader("Cookie", login.cookie()).addHeader("Origin", "https://evil.example");
        assertThat(client.connect(foreign).toCompletionStage().toCompletableFuture().handle((ws, e) -> e != null).join()).isTrue();
    }
}
