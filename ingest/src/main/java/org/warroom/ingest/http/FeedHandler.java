package org.warroom.ingest.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.ingest.auth.RateLimiter;
import org.warroom.ingest.feed.Feed;
import org.warroom.ingest.feed.FeedDecoder;
import org.warroom.ingest.intake.Deliverer;
import org.warroom.ingest.intake.Delivery;
import org.warroom.ingest.intake.Item;
import org.warroom.ingest.intake.RequestBody;
import org.warroom.ingest.kafka.KafkaHealth;
import org.warroom.ingest.metrics.IngestMetrics;

/**
 * {@code POST /v1/{feed}}: authenticate (before the body is read), then parse and validate every line on a worker
 * thread, take the key's rate, deliver to Kafka and answer only after Kafka acknowledged: 202 all accepted,
 * 200 some refused, 400 none accepted, 403 none accepted because every line was for a district the key may not
 * send for, 413 too many lines, 429 over the rate, 503 Kafka unavailable (nothing accepted).
 */
public final class FeedHandler {
    private final Vertx vertx;
    private final ApiKeyAuth auth;
    private final RateLimiter limiter;
    private final Map<Feed, FeedDecoder> decoders;
    private final RequestBody body;
    private final Deliverer deliverer;
    private final KafkaHealth health;
    private final IngestMetrics metrics;

    public FeedHandler(Vertx vertx, ApiKeyAuth auth, RateLimiter limiter, Map<Feed, FeedDecoder> decoders,
                       RequestBody body, Deliverer deliverer, KafkaHealth health, IngestMetrics metrics) {
        this.vertx = vertx;
        this.auth = auth;
        this.limiter = limiter;
        this.decoders = Map.copyOf(decoders);
        this.body = body;
        this.deliverer = deliverer;
        this.health = health;
        this.metrics = metrics;
    }

    /** Before the body: the feed exists and the key may send to it. */
    public void authorise(RoutingContext ctx) {
        String path = ctx.pathParam("feed");
        if (Feed.fromPath(path).isEmpty()) {
            Answers.error(ctx, 404, "unknown feed '" + org.warroom.ingest.validate.Shown.of(path) + "', feeds are: "
                    + String.join(", ", Feed.paths()));
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType != null && !acceptable(contentType)) {
            Answers.error(ctx, 415, "send application/json (one event) or application/x-ndjson (one event per line)");
            return;
        }
        if (auth.check(ctx, path).isPresent()) {
            ctx.next();
        }
    }

    /** After the body: validate, rate-limit, deliver, answer. */
    public void handle(RoutingContext ctx) {
        Feed feed = Feed.fromPath(ctx.pathParam("feed")).orElseThrow();
        ApiKeyGrant grant = ctx.get(ApiKeyAuth.GRANT);
        FeedDecoder decoder = decoders.get(feed);
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        boolean single = RequestBody.isSingleDocument(ctx.request().getHeader("Content-Type"));
        vertx.executeBlocking(() -> body.items(bytes, single, (json, line) -> decoder.decode(json, grant.source())), false)
                .compose(items -> admit(feed, grant, items))
                .compose(items -> vertx.executeBlocking(
                        () -> deliverer.deliver(feed.path(), grant.source(), items, grant::allowsDistrict,
                                RequestIds.of(ctx)), false))
                .onSuccess(delivery -> answer(ctx, delivery))
                .onFailure(e -> HttpProblem.answer(ctx, e));
    }

    private Future<List<Item>> admit(Feed feed, ApiKeyGrant grant, List<Item> items) {
        if (items.isEmpty()) {
            return Future.failedFuture(new HttpProblem(400, "the body holds no event"));
        }
        RateLimiter.Verdict verdict = limiter.take(grant.keyId(), items.size());
        if (!verdict.allowed()) {
            metrics.rateLimited(feed.path());
            return Future.failedFuture(new HttpProblem(429, "this API key is over its rate; retry after "
                    + verdict.retryAfterSeconds() + " s", verdict.retryAfterSeconds()));
        }
        if (!health.up()) {
            metrics.kafkaUnavailable(feed.path());
            return Future.failedFuture(new org.warroom.ingest.intake.KafkaUnavailableException(health.status().detail(), null));
        }
        return Future.succeededFuture(items);
    }

    private static void answer(RoutingContext ctx, Delivery d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", d.accepted());
        out.put("rejected", d.rejected());
        if (d.rejected() > 0) {
            out.put("errors", d.errors());
            if (d.errors().size() < d.rejected()) {
                out.put("errorsTruncated", true);
            }
        }
        int status = d.rejected() == 0 ? 202 : d.accepted() > 0 ? 200 : d.forbiddenOnly() ? 403 : 400;
        Answers.json(ctx, status, out);
    }

    private static boolean acceptable(String contentType) {
        String ct = contentType.toLowerCase(java.util.Locale.ROOT);
        return ct.startsWith("application/json") || ct.startsWith("application/x-ndjson")
                || ct.startsWith("application/ndjson") || ct.startsWith("application/jsonl")
                || ct.startsWith("application/x-jsonlines") || ct.startsWith("text/plain");
    }
}
