package org.warroom.dashboard.cluster;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import org.warroom.dashboard.http.Answers;

/**
 * In front of the API: a write (any method but GET, HEAD and OPTIONS) on an instance that does not own the writes
 * ({@link WritesOwnership}) is answered {@code 503} before anything is read or done, with
 * {@code X-Warroom-Writes: elsewhere}, so that the proxy passes it on to the instance that owns them (the local
 * cluster's nginx and docker/nginx: {@code proxy_next_upstream http_503 non_idempotent}). Reads are answered anywhere.
 * Mounted on every path and looking at the path itself, so the route labels of the HTTP metrics stay those of the
 * API's own routes.
 */
public final class WritesGate {
    private final BooleanSupplier ownsWrites;

    /** @param ownsWrites whether this instance owns the writes now ({@link WritesOwnership#owns()}), asked per request */
    public WritesGate(BooleanSupplier ownsWrites) {
        this.ownsWrites = ownsWrites;
    }

    public void handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || ownsWrites.getAsBoolean()
                || !ctx.normalizedPath().startsWith("/api/")) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("X-Warroom-Writes", "elsewhere").putHeader("Retry-After", "1");
        Answers.error(ctx, 503, "unavailable", null,
                "another dashboard instance takes writes now; send it again (the proxy does)");
    }
}
