package org.warroom.ingest.http;

import io.vertx.ext.web.RoutingContext;
import org.warroom.ingest.intake.KafkaUnavailableException;
import org.warroom.ingest.intake.RequestBody;

/** A request that ends with an error status and a message; thrown inside a future chain, answered at its end. */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final long retryAfterSeconds;

    public HttpProblem(int status, String message) {
        this(status, message, 0);
    }

    public HttpProblem(int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    /** Answers a failure of a request's future chain: problems as they are, Kafka trouble 503, anything else 500. */
    public static void answer(RoutingContext ctx, Throwable failure) {
        if (failure instanceof HttpProblem p) {
            if (p.retryAfterSeconds > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(p.retryAfterSeconds));
            }
            Answers.error(ctx, p.status, p.getMessage());
        } else if (failure instanceof KafkaUnavailableException) {
            ctx.response().putHeader("Retry-After", "5");
            Answers.json(ctx, 503, java.util.Map.of("error", "Kafka is unavailable; nothing was accepted, send again later",
                    "accepted", 0));
        } else if (failure instanceof RequestBody.TooManyLines) {
            Answers.error(ctx, 413, failure.getMessage());
        } else {
            org.slf4j.LoggerFactory.getLogger(HttpProblem.class).error("request {} {} failed", ctx.request().method(),
                    ctx.request().path(), failure);
            Answers.error(ctx, 500, "internal error");
        }
    }
}
