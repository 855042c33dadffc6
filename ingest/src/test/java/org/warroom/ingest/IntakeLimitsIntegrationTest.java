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
    private static final String RATE_LIMITED = "warroom_ingest_rate_limited_total{feed=\"messages\"}";
    /** The service's time: it moves only when a test moves it, so no token comes back while a test runs. */
    private static final HandClock CLOCK = new HandClock();
    private static RunningIngest ingest;
    private static LocalKafka kafka;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start(LocalKafka broker) {
        kafka = broker;
        ingest = RunningIngest.start(broker, Map.of("ingest.max.body.bytes", "4096", "ingest.max.lines", "5",
                "ingest.max.line.bytes", "600", "ingest.rate.burst", "8", "ingest.rate.events.per.second", "1"), CLOCK);
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
    @DisplayName("a key over its rate gets 429 with Retry-After and nothing is accepted; after that wait the same batch is")
    void overRateIs429() {
        String key = ingest.grantKey("rate-test", java.util.List.of(), java.util.List.of());
        // 1 token of 8 (the key is known to ingest shortly after the grant; until then 401, which costs nothing)
        org.warroom.testkit.Eventually.eventually(java.time.Duration.ofSeconds(30), () ->
                assertThat(ingest.postNdjson("/v1/messages", key, message(run + "-r0", "दूध")).statusCode()).isEqualTo(202));
        double limitedBefore = ingest.metric(RATE_LIMITED);
        var first = ingest.postNdjson("/v1/messages", key, lines(5));
        var second = ingest.postNdjson("/v1/messages", key, lines(5).replace(run + "-", run + "-again-"));

        assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(202);
        assertThat(second.statusCode()).as(second.bodyAsString()).isEqualTo(429);
        // 2 tokens left, 5 wanted, 1 per second comes back: 3 s
        assertThat(second.getHeader("Retry-After")).isEqualTo("3");
        assertThat(second.bodyAsString()).contains("retry after 3 s");
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run + "-again-"))).isEmpty();
        assertThat(ingest.metric(RATE_LIMITED) - limitedBefore).isEqualTo(1);

        CLOCK.advance(java.time.Duration.ofSeconds(2));
        assertThat(ingest.postNdjson("/v1/messages", key, lines(5).replace(run + "-", run + "-early-")).statusCode())
                .isEqualTo(429);
        CLOCK.advance(java.time.Duration.ofSeconds(1));
        var later = ingest.postNdjson("/v1/messages", key, lines(5).replace(run + "-", run + "-later-"));
        assertThat(later.statusCode()).as(later.bodyAsString()).isEqualTo(202);
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run + "-later-"))).hasSize(5);
        assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().startsWith(run + "-early-"))).isEmpty();
        assertThat(ingest.metric(RATE_LIMITED) - limitedBefore).isEqualTo(2);
    }
}
