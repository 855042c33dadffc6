package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.warroom.contracts.metrics.ServiceMetrics;

class ManagementServerTest {

    @Test
    void shouldAnswer503WhileStreamsIsNotRunning() throws Exception {
        try (ManagementServer server = new ManagementServer("127.0.0.1", 0, () -> null, () -> false,
                new StreamsMetrics(ServiceMetrics.create(), () -> null))) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).isEqualTo("{\"status\":\"DOWN\",\"state\":\"CREATED\"}");
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("warroom_streams_up 0").contains("warroom_streams_state{state=\"CREATED\"} 1");
        }
    }

    @Test
    @DisplayName("before Kafka Streams runs: live 200, ready 503 naming its state, in the one health shape")
    void shouldBeAliveButNotReadyWhileStarting() throws Exception {
        try (ManagementServer server = new ManagementServer("127.0.0.1", 0, () -> null, () -> false,
                new StreamsMetrics(ServiceMetrics.create(), () -> null))) {
            HttpResponse<String> live = get(server, "/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{\"kafkaStreams\":\"ok\"}}");
            HttpResponse<String> ready = get(server, "/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body())
                    .isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"kafkaStreams\":\"state CREATED\"}}");
        }
    }

    @ParameterizedTest
    @EnumSource(KafkaStreams.State.class)
    @DisplayName("once it has run: ready exactly while RUNNING or REBALANCING; not alive only once Kafka Streams failed")
    void shouldTellLiveFromReadyInEveryState(KafkaStreams.State state) {
        boolean ready = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        boolean failed = state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
        assertThat(ManagementServer.ready(state, true).up()).isEqualTo(ready);
        assertThat(ManagementServer.live(state).up()).isEqualTo(!failed);
    }

    @Test
    @DisplayName("not ready during the first rebalance (issue 19, defect 2: the first event waited for it), ready once RUNNING")
    void shouldNotBeReadyBeforeTheFirstAssignment() {
        assertThat(ManagementServer.ready(KafkaStreams.State.REBALANCING, false).up()).isFalse();
        assertThat(ManagementServer.ready(KafkaStreams.State.REBALANCING, false).checks().get("kafkaStreams"))
                .isEqualTo("state REBALANCING (first assignment not done yet)");
        assertThat(ManagementServer.ready(KafkaStreams.State.RUNNING, false).up()).isTrue();
    }

    private static HttpResponse<String> get(ManagementServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
