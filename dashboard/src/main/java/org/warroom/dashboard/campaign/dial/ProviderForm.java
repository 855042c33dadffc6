package org.warroom.dashboard.campaign.dial;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.warroom.contracts.json.Json;

/**
 * One form POST to a provider's REST API with HTTP Basic credentials ({@code dial.api.key}:{@code dial.api.token}),
 * answered in JSON. Blocking.
 */
final class ProviderForm {
    private final HttpClient http;
    private final DialSettings settings;

    ProviderForm(DialSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    /** Posts the fields (a name may repeat: list values) to {@code path} under the API base; the JSON answer, any status. */
    Answer post(String path, List<Map.Entry<String, String>> fields) throws DialFailed {
        String body = fields.stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString((settings.apiKey() + ":" + settings.apiToken())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.apiBase() + path))
                .timeout(settings.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DialFailed(0, settings.provider().wire() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DialFailed(0, "interrupted while dialling");
        }
        JsonNode json;
        try {
            json = response.body() == null || response.body().isBlank() ? Json.mapper().createObjectNode()
                    : Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DialFailed(response.statusCode(), settings.provider().wire() + " answered " + response.statusCode()
                    + " with something other than JSON");
        }
        return new Answer(response.statusCode(), json);
    }

    record Answer(int status, JsonNode json) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }
}
