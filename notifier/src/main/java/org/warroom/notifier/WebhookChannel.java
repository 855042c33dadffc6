package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.contracts.notify.Delivery;

/**
 * Signed webhooks: the JSON body POSTed to the person's webhook URL with
 * {@code X-Warroom-Timestamp: <epoch seconds>}, {@code X-Warroom-Signature: sha256=<hex HMAC-SHA256 of
 * "timestamp.body">} under {@code notify.webhook.secret}, and {@code X-Warroom-Delivery: <delivery id>}. A receiver
 * checks the signature, refuses a timestamp more than a few minutes off (replay), and de-duplicates by delivery id.
 * A 2xx answer is delivered; 408, 429 and 5xx (and network errors) are retried; other answers are permanent.
 */
public final class WebhookChannel implements Channel {
    public static final String SIGNATURE = "X-Warroom-Signature";
    public static final String TIMESTAMP = "X-Warroom-Timestamp";
    public static final String DELIVERY = "X-Warroom-Delivery";

    private final Vertx vertx;
    private final HttpClient http;
    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    public WebhookChannel(Vertx vertx, HttpClient http, byte[] secret, Duration timeout, Clock clock) {
        this.vertx = vertx;
        this.http = http;
        this.secret = secret.clone();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.WEBHOOK;
    }

    @Override
    public Future<Void> send(Outgoing message) {
        URI target;
        try {
            target = URI.create(message.address());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new PermanentFailure("not a URL: " + e.getMessage()));
        }
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "warroom-notifier")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(secret, timestamp, message.json()))
                .header(DELIVERY, message.deliveryId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message.json()))
                .build();
        return Future.fromCompletionStage(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                vertx.getOrCreateContext()).compose(response -> HttpAnswers.check("webhook", response.statusCode()));
    }

    /** The signature of a body sent at {@code timestamp}: hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
