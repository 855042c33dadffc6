package org.warroom.dashboard.http;

import io.vertx.ext.web.RoutingContext;
import org.warroom.contracts.trace.TraceIds;

/**
 * Every answer carries the request's correlation id in {@code X-Request-Id}: the caller's (a proxy's) when well
 * formed, else a {@code traceparent}'s trace id, else a new one (docs/LOGGING.md, "Correlation ids").
 */
public final class RequestIds {
    private static final String KEY = "warroom.trace.id";

    private RequestIds() {
    }

    public static void assign(RoutingContext ctx) {
        String id = TraceIds.of(ctx.request().getHeader(TraceIds.HTTP_HEADER), ctx.request().getHeader("traceparent"));
        ctx.put(KEY, id);
        ctx.response().putHeader(TraceIds.HTTP_HEADER, id);
        ctx.next();
    }

    /** This request's id (a new one when {@link #assign} did not run). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : TraceIds.fresh();
    }
}
