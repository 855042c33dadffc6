package org.warroom.ingest;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.ingest.auth.FirstKey;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.http.Answers;
import org.warroom.ingest.http.ApiKeyAuth;
import org.warroom.ingest.http.BeforeBody;
import org.warroom.ingest.http.RequestIds;
import org.warroom.ingest.http.FeedHandler;
import org.warroom.ingest.http.HealthHandler;
import org.warroom.ingest.http.UploadHandler;
import org.warroom.ingest.http.WebhookHandler;
import org.warroom.ingest.intake.RequestBody;
import org.warroom.ingest.reference.Places;
import org.warroom.ingest.upload.RegistryImport;
import org.warroom.ingest.webhook.AsteriskCdr;
import org.warroom.ingest.webhook.ExotelCallbacks;
import org.warroom.ingest.webhook.TwilioCallbacks;
import org.warroom.ingest.webhook.WhatsAppPayload;

/**
 * The ingest HTTP service: opens the Kafka side (off the event loop), declares every route, and completes its
 * start only once the server listens.
 */
public final class IngestVerticle extends VerticleBase {
    private final IngestConfig config;
    private final FirstKey firstKey;
    private final Places places;
    private final Clock clock;
    private final ServiceMetrics metrics;
    private IngestServices services;
    private HttpServer server;
    private UploadHandler uploads;

    public IngestVerticle(IngestConfig config, FirstKey firstKey, Places places, Clock clock) {
        this(config, firstKey, places, clock, ServiceMetrics.create(config.dataDir()));
    }

    /** @param metrics the registry of this process (the one its Vert.x reports to, see {@link IngestMain}) */
    public IngestVerticle(IngestConfig config, FirstKey firstKey, Places places, Clock clock, ServiceMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.firstKey = firstKey;
        this.places = places;
        this.clock = clock;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> IngestServices.open(config, firstKey, places, clock, metrics))
                .compose(opened -> {
                    services = opened;
                    return vertx.createHttpServer(config.tls().serverOptions())
                            .requestHandler(router(opened))
                            .listen(config.port(), config.host());
                })
                .onSuccess(listening -> server = listening);
    }

    private Router router(IngestServices s) {
        ApiKeyAuth auth = new ApiKeyAuth(s.keys, s.metrics);
        FeedHandler feeds = new FeedHandler(vertx, auth, s.limiter, s.decoders,
                new RequestBody(config.maxLines(), config.maxLineBytes()), s.deliverer, s.health, s.metrics);
        HealthHandler health = new HealthHandler(s.health, s.producer);
        WebhookHandler webhooks = new WebhookHandler(vertx, config, s.deliverer, s.metrics, auth,
                new WhatsAppPayload(s.messages), new TwilioCallbacks(s.messages, s.callSteps),
                new ExotelCallbacks(s.callSteps), new AsteriskCdr(s.callSteps));
        uploads = new UploadHandler(vertx, config, auth, s.limiter, s.jobs, new RegistryImport(s.workers, s.deliverer),
                s.health, s.metrics);
        BodyHandler feedBody = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes());
        BodyHandler webhookBody = BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()).setMergeFormAttributes(false);

        Router router = Router.router(vertx);
        router.route().handler(RequestIds::assign); // correlation ids (docs/LOGGING.md)
        router.get("/health").handler(health::handle);
        router.get("/health/live").handler(health::handleLive);
        router.get("/health/ready").handler(health::handleReady);
        router.get("/metrics").handler(this::handleMetrics);
        router.get("/webhooks/whatsapp").handler(webhooks::handleWhatsAppVerify);
        router.post("/webhooks/whatsapp").handler(webhookBody).handler(webhooks::handleWhatsApp);
        router.post("/webhooks/twilio/sms").handler(webhookBody).handler(webhooks::handleTwilioSms);
        router.post("/webhooks/twilio/voice").handler(webhookBody).handler(webhooks::handleTwilioVoice);
        router.post("/webhooks/exotel").handler(webhookBody).handler(webhooks::handleExotel);
        router.post("/webhooks/asterisk/cdr").handler(new BeforeBody(webhooks::authoriseAsterisk)).handler(webhookBody)
                .handler(webhooks::handleAsterisk);
        router.post("/v1/workers/upload").handler(uploads::handleUpload);
        router.get("/v1/jobs/:id").handler(uploads::handleJob);
        router.post("/v1/:feed").handler(new BeforeBody(feeds::authorise)).handler(feedBody).handler(feeds::handle);
        router.route().last().handler(ctx -> Answers.error(ctx, 404, "no such path"));
        router.route().failureHandler(this::handleFailure);
        return router;
    }

    private void handleMetrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", ServiceMetrics.CONTENT_TYPE).end(services.metrics().scrape());
    }

    private void handleFailure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String message = switch (status) {
            case 413 -> "request body too large (at most " + config.maxBodyBytes() + " bytes)";
            case 400 -> "bad request";
            case 404 -> "no such path";
            case 405 -> "method not allowed";
            default -> "internal error";
        };
        if (status == 500 && ctx.failure() != null) {
            org.slf4j.LoggerFactory.getLogger(IngestVerticle.class).error("{} {} failed", ctx.request().method(),
                    ctx.request().path(), ctx.failure());
        }
        Answers.error(ctx, status, message);
    }

    /** The port the server listens on (the real one when configured as 0). */
    public int port() {
        return server.actualPort();
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.eventually(() -> vertx.executeBlocking(() -> {
            if (uploads != null) {
                uploads.close();
            }
            if (services != null) {
                services.close();
            }
            return null;
        }));
    }
}
