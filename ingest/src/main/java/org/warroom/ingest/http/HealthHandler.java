package org.warroom.ingest.http;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warroom.ingest.kafka.KafkaHealth;

/** {@code GET /health}: 200 when Kafka is reachable, else 503; the body says what was checked and what is wrong. */
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
}
