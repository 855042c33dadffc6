package org.warroom.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.warroom.contracts.json.Json;

/** Writing JSON answers: one place for the content type and the {@code {"error": ...}} shape. */
public final class Answers {
    private Answers() {
    }

    public static Future<Void> json(RoutingContext ctx, int status, Object body) {
        String text;
        try {
            text = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            status = 500;
            text = "{\"error\":\"cannot write the answer\"}";
        }
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return Future.succeededFuture();
        }
        return response.setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }

    /** {@code {"error": message}} with the status. */
    public static Future<Void> error(RoutingContext ctx, int status, String message) {
        return json(ctx, status, Map.of("error", message));
    }
}
