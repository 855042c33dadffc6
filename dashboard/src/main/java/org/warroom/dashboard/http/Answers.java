package org.warroom.dashboard.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.json.Json;

/** How the JSON API answers: records through the shared mapper (ISO times), lists as {@code {"items"}}, errors as {@code {"error","field"?,"reason"}}. */
public final class Answers {
    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private Answers() {
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        json(ctx, status, body, "no-store");
    }

    /** As {@link #json(RoutingContext, int, Object)} with the given {@code Cache-Control} (e.g. reference data). */
    public static void json(RoutingContext ctx, int status, Object body, String cacheControl) {
        String encoded;
        try {
            encoded = Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            fail(ctx, e);
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", cacheControl)
                .end(encoded);
    }

    public static void ok(RoutingContext ctx, Object body) {
        json(ctx, 200, body);
    }

    /** {@code {"items": [...]}}. */
    public static void items(RoutingContext ctx, Collection<?> items) {
        json(ctx, 200, Map.of("items", List.copyOf(items)));
    }

    public static void error(RoutingContext ctx, int status, String error, String field, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        body.put("reason", reason);
        json(ctx, status, body);
    }

    /** Answers a failure: an {@link ApiError} as itself, anything else as 500 (logged, details not shown). */
    public static void fail(RoutingContext ctx, Throwable failure) {
        if (ctx.response().ended()) {
            return;
        }
        if (failure instanceof ApiError e) {
            error(ctx, e.status(), e.error(), e.field(), e.reason());
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            error(ctx, 500, "internal", null, "internal error");
        }
    }

    /** Answers the future's value as 200 JSON, or its failure. */
    public static <T> void reply(RoutingContext ctx, Future<T> future) {
        future.onSuccess(v -> ok(ctx, v)).onFailure(e -> fail(ctx, e));
    }

    /** The request body as a JSON object; 400 when absent or not an object. */
    public static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body() == null ? null : ctx.body().asJsonObject();
            if (body == null) {
                throw ApiError.invalid(null, "a JSON object body is required");
            }
            return body;
        } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
            throw ApiError.invalid(null, "the body is not a JSON object");
        }
    }

    /** A string field: null when absent; 400 when of another type. */
    public static String string(JsonObject body, String field, int maxLength) {
        Object v = body.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw ApiError.invalid(field, "must be a string");
        }
        if (s.length() > maxLength) {
            throw ApiError.invalid(field, "must be at most " + maxLength + " characters");
        }
        return s;
    }

    /** A list of strings: empty when absent; 400 when not a list of strings. */
    public static List<String> strings(JsonObject body, String field, int maxItems) {
        Object v = body.getValue(field);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof io.vertx.core.json.JsonArray array)) {
            throw ApiError.invalid(field, "must be a list of strings");
        }
        if (array.size() > maxItems) {
            throw ApiError.invalid(field, "must have at most " + maxItems + " entries");
        }
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            if (!(item instanceof String s) || s.isBlank() || s.length() > 200) {
                throw ApiError.invalid(field + "[" + i + "]", "must be a non-empty string");
            }
            out.add(s.strip());
        }
        return out;
    }

    /** The client's address as seen by this server (proxies are not trusted), as the audit log records it. */
    public static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
    }
}
