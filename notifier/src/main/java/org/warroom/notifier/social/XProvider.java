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
 * X API v2: {@code POST {base}/2/tweets} with {@code Authorization: Bearer <user-context OAuth 2.0 token>} and the
 * JSON {@code {"text"}}; 201 answers {@code {"data": {"id", "text"}}}, the post then at
 * {@code https://x.com/i/web/status/{id}}. X has no idempotency key: after an unclear answer (5xx, timeout) the
 * post is not sent again (it may exist); a 429 (nothing created) may be.
 */
public final class XProvider implements SocialProvider {
    private final Vertx vertx;
    private final HttpClient http;
    private final URI base;
    private final String token;
    private final Duration timeout;

    public XProvider(Vertx vertx, HttpClient http, URI base, String token, Duration timeout) {
        this.vertx = vertx;
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Future<ProviderAnswer> publish(SocialPost post) {
        HttpRequest request = HttpProvider.bearerJsonPost(base, "/2/tweets", token, timeout,
                new JsonObject().put("text", post.text())).build();
        return HttpProvider.send(vertx, http, request, false, (status, answer) -> {
            String id = new JsonObject(answer).getJsonObject("data").getString("id");
            return ProviderAnswer.posted(id, "https://x.com/i/web/status/" + id, status, answer);
        });
    }
}
