package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * The dashboard's JSON API as an administrator sees it: logs in ({@code POST /api/v1/session}) and reads the live
 * {@code overview}. Logs in again when the dashboard was restarted (sessions live in its memory).
 */
public final class DashboardApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI base;
    private final String user;
    private final String password;
    private volatile String token;
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

    public DashboardApi(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public URI base() {
        return base;
    }

    /** A session token (logging in when there is none yet). */
    public String token() throws IOException, InterruptedException {
        String t = token;
        if (t == null) {
            String body = Json.mapper().writeValueAsString(Map.of("username", user, "password", password));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("login answered " + answer.statusCode() + ": " + answer.body());
            }
            t = Json.mapper().readTree(answer.body()).path("token").asText();
            token = t;
            logins.incrementAndGet();
        }
        return t;
    }

    /** How many times this client logged in (1 when every session outlived every fault). */
    public int logins() {
        return logins.get();
    }

    /** Logs in again next time (the dashboard was restarted and forgot its sessions). */
    public void forgetToken() {
        token = null;
    }

    /** {@code GET /api/v1/overview}; throws when the dashboard does not answer 200. */
    public JsonNode overview() throws IOException, InterruptedException {
        HttpResponse<String> answer = get("/api/v1/overview");
        if (answer.statusCode() == 401) {
            token = null;
            answer = get("/api/v1/overview");
        }
        if (answer.statusCode() != 200) {
            throw new IOException("overview answered " + answer.statusCode());
        }
        return Json.mapper().readTree(answer.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
