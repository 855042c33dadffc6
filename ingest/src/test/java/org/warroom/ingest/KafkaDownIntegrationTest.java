package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.testkit.LocalKafka;

/** With a private broker that the test stops: health turns 503 and nothing is accepted (503). */
class KafkaDownIntegrationTest {
    @Test
    @DisplayName("when Kafka is down, health and readiness are 503, liveness 200, and a feed request is 503 with nothing accepted")
    void kafkaDownIs503() {
        LocalKafka kafka = LocalKafka.start();
        RunningIngest ingest = RunningIngest.start(kafka, Map.of("ingest.kafka.timeout", "2s"));
        try {
            String report = new JsonObject().put("id", "down-1").put("district", "396")
                    .put("at", OffsetDateTime.now().withNano(0).toString())
                    .put("items", new io.vertx.core.json.JsonArray().add(new JsonObject().put("commodity", "milk")
                            .put("stock", 10).put("dailyNeed", 5))).encode();
            assertThat(ingest.postNdjson("/v1/reports", ingest.key, report).statusCode()).isEqualTo(202);
            assertThat(ingest.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(ingest.get("/health/ready").bodyAsJsonObject().getJsonObject("checks").getString("kafka"))
                    .isEqualTo("ok");

            kafka.close();

            eventually(Duration.ofSeconds(20), () -> assertThat(ingest.get("/health").statusCode()).isEqualTo(503));
            assertThat(ingest.get("/health").bodyAsJsonObject().getJsonObject("kafka").getString("detail"))
                    .contains("unreachable");
            var response = ingest.postNdjson("/v1/reports", ingest.key, report.replace("down-1", "down-2"));
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.bodyAsJsonObject().getInteger("accepted")).isZero();

            // not ready (503 naming Kafka), but alive: a liveness probe must not restart ingest for Kafka's outage
            var ready = ingest.get("/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
            assertThat(ready.bodyAsJsonObject().getJsonObject("checks").getString("kafka")).contains("unreachable");
            var live = ingest.get("/health/live");
            assertThat(live.statusCode()).isEqualTo(200);
            assertThat(live.bodyAsJsonObject().getString("status")).isEqualTo("UP");
        } finally {
            ingest.close();
        }
    }

    @Test
    @DisplayName("when Kafka stops between the health check and the send, the request still answers 503 after the timeout")
    void unacknowledgedSendIs503() {
        LocalKafka kafka = LocalKafka.start();
        RunningIngest ingest = RunningIngest.start(kafka, Map.of("ingest.kafka.timeout", "2s"));
        try {
            kafka.close();
            // Health still says UP for up to two seconds: the send itself must fail.
            String call = new JsonObject().put("id", "down-3").put("kind", "call").put("call", "c").put("line", "104")
                    .put("district", "396").put("event", "started").put("at", OffsetDateTime.now().withNano(0).toString())
                    .put("caller", "+919812345678").encode();
            var response = ingest.postNdjson("/v1/calls", ingest.key, call);
            assertThat(response.statusCode()).isEqualTo(503);
        } finally {
            ingest.close();
        }
    }
}
