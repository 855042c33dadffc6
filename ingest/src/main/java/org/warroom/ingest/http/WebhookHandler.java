package org.warroom.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.json.Json;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.intake.Deliverer;
import org.warroom.ingest.intake.Delivery;
import org.warroom.ingest.intake.Item;
import org.warroom.ingest.metrics.IngestMetrics;
import org.warroom.ingest.webhook.AsteriskCdr;
import org.warroom.ingest.webhook.ExotelCallbacks;
import org.warroom.ingest.webhook.Signatures;
import org.warroom.ingest.webhook.TwilioCallbacks;
import org.warroom.ingest.webhook.WhatsAppPayload;

/**
 * The providers' webhooks. Each verifies the provider's own signature (or token, or API key) before reading
 * anything, answers 503 when its secret is not configured (never accepting unsigned input), delivers like a feed
 * (refused events to the dead-letter topic) and answers the provider as it expects; 503 when Kafka did not
 * acknowledge, so that the provider retries.
 */
public final class WebhookHandler {
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final Vertx vertx;
    private final IngestConfig config;
    private final Deliverer deliverer;
    private final IngestMetrics metrics;
    private final ApiKeyAuth auth;
    private final WhatsAppPayload whatsApp;
    private final TwilioCallbacks twilio;
    private final ExotelCallbacks exotel;
    private final AsteriskCdr asterisk;

    public WebhookHandler(Vertx vertx, IngestConfig config, Deliverer deliverer, IngestMetrics metrics, ApiKeyAuth auth,
                          WhatsAppPayload whatsApp, TwilioCallbacks twilio, ExotelCallbacks exotel, AsteriskCdr asterisk) {
        this.vertx = vertx;
        this.config = config;
        this.deliverer = deliverer;
        this.metrics = metrics;
        this.auth = auth;
        this.whatsApp = whatsApp;
        this.twilio = twilio;
        this.exotel = exotel;
        this.asterisk = asterisk;
    }

    /** {@code GET /webhooks/whatsapp}: Meta's verification handshake; echoes {@code hub.challenge} for our token. */
    public void handleWhatsAppVerify(RoutingContext ctx) {
        if (config.whatsappVerifyToken().isEmpty()) {
            notConfigured(ctx, WhatsAppPayload.PROVIDER, "WARROOM_WHATSAPP_VERIFY_TOKEN");
            return;
        }
        String mode = ctx.request().getParam("hub.mode");
        String token = ctx.request().getParam("hub.verify_token");
        String challenge = ctx.request().getParam("hub.challenge", "");
        if (!"subscribe".equals(mode) || !Signatures.constantTimeEquals(config.whatsappVerifyToken().get(), token)) {
            metrics.webhook(WhatsAppPayload.PROVIDER, "bad_verify_token");
            Answers.error(ctx, 403, "verification token does not match");
            return;
        }
        ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(challenge);
    }

    /** {@code POST /webhooks/whatsapp}: messages, verified by {@code X-Hub-Signature-256}. */
    public void handleWhatsApp(RoutingContext ctx) {
        String provider = WhatsAppPayload.PROVIDER;
        if (config.whatsappAppSecret().isEmpty()) {
            notConfigured(ctx, provider, "WARROOM_WHATSAPP_APP_SECRET");
            return;
        }
        byte[] body = bytes(ctx);
        if (!Signatures.whatsAppValid(config.whatsappAppSecret().get(), body, ctx.request().getHeader("X-Hub-Signature-256"))) {
            badSignature(ctx, provider);
            return;
        }
        vertx.executeBlocking(() -> {
                    JsonNode root = Json.mapper().readTree(body);
                    return whatsApp.map(root == null ? Json.mapper().createObjectNode() : root);
                }, false)
                .recover(e -> Future.failedFuture(new HttpProblem(400, "not a JSON WhatsApp payload")))
                .compose(mapped -> deliver(ctx, provider, provider, mapped.items()).map(d -> {
                    Map<String, Object> out = summary(d);
                    out.put("skipped", mapped.skipped());
                    return out;
                }))
                .onSuccess(out -> Answers.json(ctx, 200, out))
                .onFailure(e -> HttpProblem.answer(ctx, e));
    }

    /** {@code POST /webhooks/twilio/sms}: an inbound SMS, verified by {@code X-Twilio-Signature}. */
    public void handleTwilioSms(RoutingContext ctx) {
        twilioCallback(ctx, form -> List.of(twilio.sms(form)));
    }

    /** {@code POST /webhooks/twilio/voice}: a voice call status callback, verified by {@code X-Twilio-Signature}. */
    public void handleTwilioVoice(RoutingContext ctx) {
        twilioCallback(ctx, form -> List.of(twilio.voiceStatus(form)));
    }

    private void twilioCallback(RoutingContext ctx, java.util.function.Function<Map<String, List<String>>, List<Decoded>> map) {
        String provider = TwilioCallbacks.PROVIDER;
        if (config.twilioAuthToken().isEmpty()) {
            notConfigured(ctx, provider, "WARROOM_TWILIO_AUTH_TOKEN");
            return;
        }
        Map<String, List<String>> form = form(ctx.request().formAttributes());
        String url = config.publicUrl().map(base -> base + ctx.request().uri()).orElse(ctx.request().absoluteURI());
        if (!Signatures.twilioValid(config.twilioAuthToken().get(), url, form, ctx.request().getHeader("X-Twilio-Signature"))) {
            badSignature(ctx, provider);
            return;
        }
        deliver(ctx, provider, provider, items(map.apply(form), form.toString()))
                .onSuccess(d -> ctx.response().putHeader("Content-Type", "text/xml; charset=utf-8").end(EMPTY_TWIML))
                .onFailure(e -> HttpProblem.answer(ctx, e));
    }

    /**
     * {@code POST /webhooks/exotel}: a call status callback. Exotel does not sign callbacks: the callback URL
     * carries our secret, as {@code ?token=} or as the password of HTTP Basic authentication.
     */
    public void handleExotel(RoutingContext ctx) {
        String provider = ExotelCallbacks.PROVIDER;
        if (config.exotelToken().isEmpty()) {
            notConfigured(ctx, provider, "WARROOM_EXOTEL_TOKEN");
            return;
        }
        String given = Optional.ofNullable(ctx.request().getParam("token")).orElseGet(() -> basicPassword(ctx));
        if (!Signatures.constantTimeEquals(config.exotelToken().get(), given)) {
            badSignature(ctx, provider);
            return;
        }
        Map<String, List<String>> form = form(ctx.request().formAttributes());
        deliver(ctx, provider, provider, items(exotel.status(form), form.toString()))
                .onSuccess(d -> Answers.json(ctx, 200, summary(d)))
                .onFailure(e -> HttpProblem.answer(ctx, e));
    }

    /** Before the body of an Asterisk CDR upload: an API key allowed to send calls. */
    public void authoriseAsterisk(RoutingContext ctx) {
        if (auth.check(ctx, "calls").isPresent()) {
            ctx.next();
        }
    }

    /** {@code POST /webhooks/asterisk/cdr}: a {@code cdr_csv} file (text/csv), authenticated by API key. */
    public void handleAsterisk(RoutingContext ctx) {
        ApiKeyGrant grant = ctx.get(ApiKeyAuth.GRANT);
        byte[] body = bytes(ctx);
        vertx.executeBlocking(() -> asterisk.items(new InputStreamReader(new java.io.ByteArrayInputStream(body),
                        StandardCharsets.UTF_8)), false)
                .compose(items -> items.isEmpty() ? Future.failedFuture(new HttpProblem(400, "the file holds no CDR row"))
                        : vertx.executeBlocking(() -> deliverer.deliver(AsteriskCdr.PROVIDER, grant.source(), items,
                                grant::allowsDistrict, RequestIds.of(ctx)), false))
                .onSuccess(d -> {
                    metrics.webhook(AsteriskCdr.PROVIDER, "delivered");
                    Answers.json(ctx, d.rejected() == 0 ? 202 : d.accepted() > 0 ? 200 : 400, summary(d));
                })
                .onFailure(e -> HttpProblem.answer(ctx, e));
    }

    private Future<Delivery> deliver(RoutingContext ctx, String provider, String source, List<Item> items) {
        String traceId = RequestIds.of(ctx);
        return vertx.executeBlocking(() -> deliverer.deliver(provider, source, items, district -> true, traceId), false)
                .onSuccess(d -> metrics.webhook(provider, "delivered"))
                .onFailure(e -> metrics.webhook(provider, "kafka_unavailable"));
    }

    private static List<Item> items(List<Decoded> decoded, String raw) {
        List<Item> items = new ArrayList<>();
        for (Decoded d : decoded) {
            items.add(new Item(1, raw, d));
        }
        return items;
    }

    private static Map<String, Object> summary(Delivery d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", d.accepted());
        out.put("rejected", d.rejected());
        if (d.rejected() > 0) {
            out.put("errors", d.errors());
        }
        return out;
    }

    private void notConfigured(RoutingContext ctx, String provider, String variable) {
        metrics.webhook(provider, "not_configured");
        Answers.error(ctx, 503, "the " + provider + " webhook is not configured (set " + variable + ")");
    }

    private void badSignature(RoutingContext ctx, String provider) {
        metrics.webhook(provider, "bad_signature");
        Answers.error(ctx, 401, "signature missing or invalid");
    }

    private static byte[] bytes(RoutingContext ctx) {
        return ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    }

    private static Map<String, List<String>> form(MultiMap attributes) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String name : attributes.names()) {
            form.put(name, attributes.getAll(name));
        }
        return form;
    }

    private static String basicPassword(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
