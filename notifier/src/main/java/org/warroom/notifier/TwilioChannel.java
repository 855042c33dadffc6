package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.warroom.contracts.notify.ChannelKind;

/**
 * SMS and WhatsApp through Twilio's Messages API: {@code POST {sms.api.base}/2010-04-01/Accounts/{sid}/Messages.json}
 * with the form fields {@code To}, {@code From}, {@code Body} (UTF-8, so Hindi arrives intact) and HTTP basic auth
 * {@code sid:token}. WhatsApp uses the same call with {@code whatsapp:} before both numbers.
 */
public final class TwilioChannel implements Channel {
    private final Vertx vertx;
    private final HttpClient http;
    private final ChannelKind kind;
    private final URI base;
    private final String sid;
    private final String token;
    private final String from;
    private final Duration timeout;

    public TwilioChannel(Vertx vertx, HttpClient http, ChannelKind kind, URI base, String sid, String token,
                         String from, Duration timeout) {
        if (kind != ChannelKind.SMS && kind != ChannelKind.WHATSAPP) {
            throw new IllegalArgumentException("Twilio carries sms and whatsapp, not " + kind);
        }
        this.vertx = vertx;
        this.http = http;
        this.kind = kind;
        this.base = base;
        this.sid = sid;
        this.token = token;
        this.from = from;
        this.timeout = timeout;
    }

    @Override
    public ChannelKind kind() {
        return kind;
    }

    @Override
    public Future<Void> send(Outgoing message) {
        String prefix = kind == ChannelKind.WHATSAPP ? "whatsapp:" : "";
        String form = "To=" + encode(prefix + message.address()) + "&From=" + encode(prefix + from)
                + "&Body=" + encode(message.text());
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/2010-04-01/Accounts/" + encode(sid)
                        + "/Messages.json"))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((sid + ":" + token)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build();
        return Future.fromCompletionStage(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                vertx.getOrCreateContext()).compose(response -> HttpAnswers.check("Twilio", response.statusCode()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
