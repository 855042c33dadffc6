package org.warroom.dashboard.security;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every answer (pages, assets, JSON, errors): a Content-Security-Policy allowing only our
 * own scripts, styles, images and connections (no inline script, no eval, no framing), X-Frame-Options DENY,
 * Referrer-Policy no-referrer, X-Content-Type-Options nosniff, a restrictive Permissions-Policy, and HSTS when TLS
 * is on.
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final boolean tls;

    public SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    public void handle(RoutingContext ctx) {
        apply(ctx.response().headers());
        ctx.next();
    }

    /**
     * For the HTTP server's {@code invalidRequestHandler}: a request the HTTP layer refuses before any route runs
     * (URI too long: 414, headers too large: 431, undecodable: 400) gets the same headers, then Vert.x's answer.
     */
    public void refuseInvalid(HttpServerRequest request) {
        apply(request.response().headers());
        HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    }

    private void apply(MultiMap h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        if (tls) {
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
