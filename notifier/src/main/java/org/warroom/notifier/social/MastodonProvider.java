package org.warroom.notifier.social;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.SocialPost;

/**
 * Mastodon's REST API: {@code POST {base}/api/v1/statuses} with {@code Authorization: Bearer <token>}, an
 * {@code Idempotency-Key} (the post's id and version: Mastodon answers a repeated key with the status it already
 * made, so a retry never posts twice) and the JSON {@code {"status", "language", "visibility": "public"}}; 200
 * answers the Status, whose {@code id} and {@code url} are kept.
 */
public final class MastodonProvider implements SocialProvider {
    private final Vertx vertx;
    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    public MastodonProvider(Vertx vertx, HttpClient http, URI base, String token, Duration timeout) {
        this.vertx = vertx;
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Future<ProviderAnswer> publish(SocialPost post) {
        JsonObject body = new JsonObject().put("status", post.text()).put("language", post.language())
                .put("visibility", "public");
        HttpRequest request = HttpProvider.bearerJsonPost(base, "/api/v1/statuses", token, timeout, body)
                .header("Idempotency-Key", post.idempotencyKey())
                .build();
        return HttpProvider.send(vertx, http, request, true, (status, answer) -> {
            JsonObject status0 = new JsonObject(answer);
            return ProviderAnswer.posted(status0.getString("id"), status0.getString("url"), status, answer);
        });
    }
}
