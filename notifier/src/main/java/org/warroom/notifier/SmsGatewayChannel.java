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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.warroom.contracts.notify.ChannelKind;

/**
 * SMS through an Indian HTTP SMS gateway with DLT ids (the NIC gateway's {@code failsafe/HttpLink}, and the
 * commercial gateways of the same shape): one GET or form POST ({@link SmsGatewayConfig#method()}) carrying the
 * credentials, the sender id (header), the mobile number, the text rendered in the DLT template registered for the
 * message's purpose ({@link DltTemplates}), the principal entity id and that template's id. A text outside the GSM
 * alphabet (Hindi) is sent as Unicode the way the gateway wants it ({@link SmsEncoding}) with its Unicode flag. The
 * answer is judged by {@link GatewayAnswer}.
 */
public final class SmsGatewayChannel implements Channel {
    private final Vertx vertx;
    private final HttpClient http;
    private final SmsGatewayConfig gateway;
    private final Duration timeout;

    public SmsGatewayChannel(Vertx vertx, HttpClient http, SmsGatewayConfig gateway, Duration timeout) {
        this.vertx = vertx;
        this.http = http;
        this.gateway = gateway;
        this.timeout = timeout;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Future<Void> send(Outgoing message) {
        Map<String, String> params;
        try {
            params = parameters(message);
        } catch (PermanentFailure e) {
            return Future.failedFuture(e);
        }
        String query = form(params);
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(timeout).header("User-Agent", "warroom-notifier");
        if (gateway.method().equals("GET")) {
            String base = gateway.url().toString();
            request.uri(URI.create(base + (base.contains("?") ? "&" : "?") + query)).GET();
        } else {
            request.uri(gateway.url())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8));
        }
        return Future.fromCompletionStage(http.sendAsync(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), vertx.getOrCreateContext())
                .compose(response -> GatewayAnswer.judge(gateway, response.statusCode(), response.body()));
    }

    /** The request's parameters, in the gateway's names and order of roles; {@link PermanentFailure} if no template fits. */
    Map<String, String> parameters(Outgoing message) {
        DltTemplates.Rendered rendered = gateway.templates().render(message);
        boolean unicode = SmsEncoding.needsUnicode(rendered.text());
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "username", gateway.username());
        put(out, "password", gateway.password());
        put(out, "apikey", gateway.apiKey());
        put(out, "sender", Optional.of(gateway.sender()));
        put(out, "mobile", Optional.of(gateway.mobile(message.address())));
        put(out, "message", Optional.of(unicode ? gateway.unicode().encodeUnicode(rendered.text()) : rendered.text()));
        put(out, "entity", Optional.of(gateway.entityId()));
        put(out, "template", Optional.of(rendered.template().id()));
        if (unicode) {
            gateway.unicodeFlag().ifPresent(flag -> out.put(flag.getKey(), flag.getValue()));
        }
        out.putAll(gateway.extra());
        return out;
    }

    private void put(Map<String, String> out, String role, Optional<String> value) {
        String name = gateway.params().get(role);
        if (value.isPresent() && name != null && !name.equalsIgnoreCase("none")) {
            out.put(name, value.get());
        }
    }

    private static String form(Map<String, String> params) {
        StringJoiner out = new StringJoiner("&");
        params.forEach((k, v) -> out.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }
}
