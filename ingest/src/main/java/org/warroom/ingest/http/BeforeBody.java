package org.warroom.ingest.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;

/**
 * Marks a synchronous check (API key, feed, content type) that must run before the body is read, so that an
 * unauthenticated sender never gets a 10 MB body buffered. Vert.x Web orders platform handlers before the body
 * handler; this wrapper only carries that mark.
 */
public record BeforeBody(Handler<RoutingContext> check) implements PlatformHandler {
    @Override
    public void handle(RoutingContext ctx) {
        check.handle(ctx);
    }
}
