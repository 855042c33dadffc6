package org.warroom.ingest.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.contracts.health.HealthReport;
import org.warroom.ingest.kafka.KafkaHealth;

/**
 * Health, as every service answers it ({@link HealthReport}):
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the server answers at all (Kafka being down is no reason to restart it);</li>
 *   <li>{@code GET /health/ready}: 200 when Kafka is reachable, else 503 with {@code checks.kafka} saying what is wrong;</li>
 *   <li>{@code GET /health}: the readiness verdict in its historical body
 *       {@code {"status": "UP"|"DOWN", "kafka": {"up", "detail", "checkedAt"}}}.</li>
 * </ul>
 */
public final class HealthHandler {
    private final KafkaHealth kafka;

    public HealthHandler(KafkaHealth kafka) {
        this.kafka = kafka;
    }

    public void handle(RoutingContext ctx) {
        KafkaHealth.Status s = kafka.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.up() ? "UP" : "DOWN");
        body.put("kafka", Map.of("up", s.up(), "detail", s.detail(), "checkedAt", s.checkedAt().toString()));
        Answers.json(ctx, s.up() ? 200 : 503, body);
    }

    public void handleLive(RoutingContext ctx) {
        answer(ctx, HealthReport.of(Map.of()));
    }

    public void handleReady(RoutingContext ctx) {
        KafkaHealth.Status s = kafka.status();
        answer(ctx, HealthReport.of(Map.of("kafka", HealthReport.check(s.up(), s.detail()))));
    }

    private static void answer(RoutingContext ctx, HealthReport report) {
        ctx.response().setStatusCode(report.httpStatus())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(report.json()));
    }
}
