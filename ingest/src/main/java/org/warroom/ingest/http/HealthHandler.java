package org.warroom.ingest.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.health.HealthReport;
import org.warroom.ingest.kafka.FeedProducer;
import org.warroom.ingest.kafka.KafkaHealth;

/**
 * Health, as every service answers it ({@link HealthReport}):
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the server answers at all (Kafka being down is no reason to restart it);</li>
 *   <li>{@code GET /health/ready}: 200 when Kafka is reachable and the producer is warmed (the metadata of every topic
 *       ingest writes fetched at start, {@code checks.producer}), else 503 with the check saying what is wrong;</li>
 *   <li>{@code GET /health}: the readiness verdict in its historical body
 *       {@code {"status": "UP"|"DOWN", "kafka": {"up", "detail", "checkedAt"}, "producer": {"warmed": {topic: partitions}}}}.</li>
 * </ul>
 */
public final class HealthHandler {
    private final KafkaHealth kafka;
    private final FeedProducer producer;

    public HealthHandler(KafkaHealth kafka, FeedProducer producer) {
        this.kafka = kafka;
        this.producer = producer;
    }

    public void handle(RoutingContext ctx) {
        KafkaHealth.Status s = kafka.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.up() ? "UP" : "DOWN");
        body.put("kafka", Map.of("up", s.up(), "detail", s.detail(), "checkedAt", s.checkedAt().toString()));
        body.put("producer", Map.of("warmed", producer.warmed()));
        Answers.json(ctx, s.up() ? 200 : 503, body);
    }

    public void handleLive(RoutingContext ctx) {
        answer(ctx, HealthReport.of(Map.of()));
    }

    public void handleReady(RoutingContext ctx) {
        KafkaHealth.Status s = kafka.status();
        Map<String, Integer> warmed = producer.warmed();
        answer(ctx, HealthReport.of(Map.of("kafka", HealthReport.check(s.up(), s.detail()),
                "producer", HealthReport.check(!warmed.isEmpty(), "not warmed: no topic metadata fetched yet"))));
    }

    private static void answer(RoutingContext ctx, HealthReport report) {
        ctx.response().setStatusCode(report.httpStatus())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(report.json()));
    }
}
