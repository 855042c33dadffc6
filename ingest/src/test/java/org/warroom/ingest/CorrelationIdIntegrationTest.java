package org.warroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.StringWriter;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.topic.Topics;
import org.warroom.contracts.trace.TraceIds;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Correlation ids (docs/LOGGING.md): ingest takes the caller's {@code X-Request-Id} (or a {@code traceparent}'s
 * trace id, or makes one), echoes it, puts it on every record the request gives rise to (the event on its raw
 * topic, a refused line on the dead letters) and on its ECS JSON log lines as {@code trace.id}.
 */
@ExtendWith(RealKafka.class)
class CorrelationIdIntegrationTest {

    @Test
    @DisplayName("X-Request-Id is echoed, carried in the warroom.trace.id header of the accepted and dead-lettered records, and logged as trace.id")
    void shouldCarryRequestIdToRecordsAndLogs(LocalKafka kafka) throws Exception {
        URI production = CorrelationIdIntegrationTest.class.getResource("/log4j2.xml").toURI();
        URI tests = CorrelationIdIntegrationTest.class.getResource("/log4j2-test.xml").toURI();
        LoggerContext context = (LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        context.setConfigLocation(production);
        StringWriter json = new StringWriter();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String requestId = "req-" + run;
        try {
            @SuppressWarnings("unchecked")
            Layout<String> layout = (Layout<String>) context.getConfiguration().getAppender("json").getLayout();
            WriterAppender appender = WriterAppender.newBuilder().setName("capture-trace").setTarget(json)
                    .setLayout(layout).build();
            appender.start();
            context.getConfiguration().addAppender(appender);
            context.getConfiguration().getLoggerConfig("org.warroom").addAppender(appender, null, null);
            context.updateLoggers();
            try (RunningIngest ingest = RunningIngest.start(kafka, Map.of())) {
                String now = OffsetDateTime.now().withNano(0).toString();
                String good = new JsonObject().put("id", run + "-m").put("channel", "sms").put("from", "+919800000001")
                        .put("text", "paani nahi").put("district", "212").put("at", now).encode();
                String bad = new JsonObject().put("id", run + "-b").put("channel", "sms").put("at", now).encode();
                HttpResponse<Buffer> answer = ingest.post("/v1/messages", ingest.key)
                        .putHeader("Content-Type", "application/x-ndjson").putHeader("X-Request-Id", requestId)
                        .sendBuffer(Buffer.buffer(good + "\n" + bad)).await();
                assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
                assertThat(answer.getHeader("X-Request-Id")).isEqualTo(requestId);

                List<ConsumerRecord<String, org.warroom.contracts.event.CitizenMessage>> accepted =
                        RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals(run + "-m"));
                assertThat(accepted).singleElement().satisfies(r ->
                        assertThat(TraceIds.read(r.headers())).contains(requestId));
                var refused = RunningIngest.read(kafka, Topics.DEAD_LETTER,
                        d -> d.raw() != null && d.raw().contains(run + "-b"));
                assertThat(refused).singleElement().satisfies(r ->
                        assertThat(TraceIds.read(r.headers())).contains(requestId));

                // No id given: ingest makes one (a W3C trace id's shape) and uses it the same way; a traceparent's is taken.
                String other = new JsonObject().put("id", run + "-n").put("channel", "sms").put("from", "+919800000002")
                        .put("text", "ration").put("district", "212").put("at", now).encode();
                HttpResponse<Buffer> made = ingest.postNdjson("/v1/messages", ingest.key, other);
                String madeId = made.getHeader("X-Request-Id");
                assertThat(madeId).matches("[0-9a-f]{32}");
                assertThat(RunningIngest.read(kafka, Topics.MESSAGES, m -> m.id().equals(run + "-n")))
                        .singleElement().satisfies(r -> assertThat(TraceIds.read(r.headers())).contains(madeId));
                HttpResponse<Buffer> traced = ingest.post("/v1/messages", ingest.key)
                        .putHeader("Content-Type", "application/x-ndjson")
                        .putHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                        .sendBuffer(Buffer.buffer(other.replace(run + "-n", run + "-t"))).await();
                assertThat(traced.getHeader("X-Request-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
                // An id that is not a plain token is not echoed back as given.
                assertThat(ingest.post("/v1/messages", ingest.key).putHeader("X-Request-Id", "a b<script>")
                        .putHeader("Content-Type", "application/x-ndjson").sendBuffer(Buffer.buffer(other)).await()
                        .getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
            }
        } finally {
            context.setConfigLocation(tests);
        }
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : json.toString().split("\n")) {
            if (!line.isBlank()) {
                events.add(mapper.readTree(line));
            }
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("trace.id").asText()).isEqualTo(requestId);
            assertThat(e.path("message").asText()).contains("1 accepted, 1 refused");
            assertThat(e.path("service.name").isMissingNode()).isFalse();
        });
    }
}
