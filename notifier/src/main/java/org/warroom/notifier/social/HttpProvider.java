package org.warroom.notifier.social;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * Sends a provider's request and sorts the answer: 2xx handed to {@code posted}; 408, 429 and 5xx (and no answer)
 * unclear; any other status refused with the provider's body. A connection never made is unclear but safe to retry.
 */
final class HttpProvider {
    private HttpProvider() {
    }

    /**
     * A JSON POST to {@code base + path} with the provider's Bearer token; the caller may add headers before
     * building it.
     */
    static HttpRequest.Builder bearerJsonPost(URI base, String path, String token, Duration timeout, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "warroom-notifier")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
    }

    static Future<ProviderAnswer> send(Vertx vertx, HttpClient http, HttpRequest request, boolean idempotent,
                                       BiFunction<Integer, String, ProviderAnswer> posted) {
        return Future.fromCompletionStage(http.sendAsync(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), vertx.getOrCreateContext())
                .map(response -> {
                    int status = response.statusCode();
                    String body = response.body();
                    if (status >= 200 && status < 300) {
                        return posted.apply(status, body);
                    }
                    if (status == 429) {
                        return ProviderAnswer.uncertain(status, body, true); // rate-limited: nothing was created
                    }
                    if (status == 408 || status >= 500) {
                        return ProviderAnswer.uncertain(status, body, idempotent);
                    }
                    return ProviderAnswer.refused(status, body);
                })
                .recover(e -> Future.succeededFuture(ProviderAnswer.uncertain(null, "no answer: " + e,
                        idempotent || e instanceof ConnectException)));
    }
}
