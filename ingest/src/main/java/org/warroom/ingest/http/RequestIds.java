package org.warroom.ingest.http;

import io.vertx.ext.web.RoutingContext;
import org.warroom.contracts.trace.TraceIds;

/**
 * Gives every request its correlation id ({@link TraceIds#of}: the caller's {@code X-Request-Id} or
 * {@code traceparent}, else a new one), echoes it in the answer's {@code X-Request-Id}, and keeps it for the
 * handlers, which put it on the Kafka records the request gives rise to (docs/LOGGING.md).
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

    /** The id of this request (a new one if {@link #assign} did not run). */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id != null ? id : TraceIds.fresh();
    }
}
