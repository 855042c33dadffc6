package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.topic.Topics;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/** Size and rate limits of the real service: 413 and 429 answers accept nothing. */
@ExtendWith(RealKafka.class)
class IntakeLimitsIntegrationTest {
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of("ingest.max.body.bytes", "4096", "ingest.max.lines", "5",
                "ingest.max.line.bytes", "600", "ingest.rate.burst", "8", "ingest.rate.events.per.second", "1"));
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private String message(String id, String text) {
        return new JsonObject().put("id", id).put("channel", "sms").put("from", "+919812345678").put("text", text)
                .put("at", OffsetDateTime.now().withNano(0).toString()).encode();
    }

    private String lines(int n) {
        return IntStream.range(0, n).mapToObj(i -> message(run + "-" + i, "पानी")).collect(Collectors.joining("\n"));
    }

    @Test
    @DisplayName("too large a body, or too many lines, is 413 and nothing is accepted; a too long line is a line error")
    void oversizeIs413() {
        String huge = message(run + "-huge", "x".repeat(5000));
        assertThat(ingest.postNdjson("/v1/messages", ingest.key, huge).statusCode()).isEqualTo(413);
        assertThat(ingest.postNdjson("/v1/messages", ingest.key, lines(6)).statusCode()).isEqualTo(413);
        var longLine = ingest.postNdjson("/v1/messages", ingest.key, message(run + "-long", "y".repeat(700)));
        assertThat(longLine.statusCode()).isEqualTo(400);
        assertThat(longLine.bodyAsString()).contains("at most 600 allowed");
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run))).isEmpty();
    }

    @Test
    @DisplayName("a key over its rate gets 429 with Retry-After and nothing is accepted")
    void overRateIs429() {
        String key = ingest.grantKey("rate-test", java.util.List.of(), java.util.List.of());
        org.warroom.testkit.Eventually.eventually(java.time.Duration.ofSeconds(10), () ->
                assertThat(ingest.postNdjson("/v1/messages", key, message(run + "-r0", "दूध")).statusCode()).isEqualTo(202));
        var first = ingest.postNdjson("/v1/messages", key, lines(5));
        var second = ingest.postNdjson("/v1/messages", key, lines(5).replace(run + "-", run + "-again-"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(second.getHeader("Retry-After"))).isPositive();
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run + "-again-"))).isEmpty();
        assertThat(ingest.get("/metrics").bodyAsString()).contains("warroom_ingest_rate_limited_total{feed=\"messages\"}");
    }
}
