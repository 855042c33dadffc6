package org.warroom.tools.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.warroom.contracts.json.Json;

/** The dashboard's JSON API as {@code admin} sees it (a session token from {@code POST /api/v1/session}). */
public final class DashboardClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String user;
    private final String password;
    private String token;

    public DashboardClient(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    /** {@code GET /api/v1/<path>} as JSON; throws when the answer is not 200. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(path);
        if (answer.statusCode() == 401) {
            token = null;
            answer = send(path);
        }
        if (answer.statusCode() != 200) {
            throw new IOException("GET /api/v1/" + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.mapper().readTree(answer.body());
    }

    /** As {@link #get}, but null when the dashboard answers 404 (e.g. a district it has no page for). */
    public JsonNode getOrNull(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(path);
        if (answer.statusCode() == 401) {
            token = null;
            answer = send(path);
        }
        if (answer.statusCode() == 404) {
            return null;
        }
        if (answer.statusCode() != 200) {
            throw new IOException("GET /api/v1/" + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return Json.mapper().readTree(answer.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/" + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            String body = Json.mapper().writeValueAsString(Map.of("username", user, "password", password));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("login as " + user + " answered " + answer.statusCode() + ": " + answer.body());
            }
            token = Json.mapper().readTree(answer.body()).path("token").asText();
        }
        return token;
    }
}
