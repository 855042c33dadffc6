package org.warroom.ingest.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.ingest.auth.KeyRegistry;
import org.warroom.ingest.metrics.IngestMetrics;

/**
 * Authenticates {@code Authorization: Bearer <api key>} against the known grants and checks the feed: 401 for a
 * missing or unknown key, 403 for a key not allowed to send to this feed. Runs before the body is read.
 */
public final class ApiKeyAuth {
    static final String GRANT = "warroom.grant";

    private final KeyRegistry keys;
    private final IngestMetrics metrics;

    public ApiKeyAuth(KeyRegistry keys, IngestMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
    }

    /** The grant of the request's key when it may send to {@code feed}; otherwise answers 401/403 and returns empty. */
    public Optional<ApiKeyGrant> check(RoutingContext ctx, String feed) {
        Optional<ApiKeyGrant> grant = bearer(ctx).flatMap(keys::authenticate);
        if (grant.isEmpty()) {
            metrics.unauthorised(feed, 401);
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"warroom-ingest\"");
            Answers.error(ctx, 401, "missing or unknown API key: send Authorization: Bearer <api key>");
            return Optional.empty();
        }
        if (!grant.get().allowsFeed(feed)) {
            metrics.unauthorised(feed, 403);
            Answers.error(ctx, 403, "this API key may not send to the " + feed + " feed (allowed: "
                    + String.join(", ", grant.get().feeds()) + ")");
            return Optional.empty();
        }
        ctx.put(GRANT, grant.get());
        return grant;
    }

    static Optional<String> bearer(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String key = header.substring(7).strip();
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
