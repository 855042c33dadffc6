package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.json.Json;

/**
 * Counts documents in Elasticsearch over its REST API: the count of an index family (its alias) and, for a set of
 * ids, how many documents each id has across the family's indices (found by an {@code ids} query, so a document in
 * two monthly indices shows as two).
 */
public final class ElasticApi {
    private static final int CHUNK = 1000;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI base;

    public ElasticApi(URI base) {
        this.base = base;
    }

    /** Documents searchable now in the indices of {@code alias} (0 when there are none yet); no refresh forced. */
    public long count(String alias) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/" + alias + "/_count"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 404) {
            return 0;
        }
        if (answer.statusCode() != 200) {
            throw new IOException(alias + "/_count answered " + answer.statusCode());
        }
        return Json.mapper().readTree(answer.body()).path("count").asLong();
    }

    /** Documents per id among {@code ids} in the indices of {@code alias}; ids without a document are absent. */
    public Map<String, Integer> documentsPerId(String alias, Collection<String> ids)
            throws IOException, InterruptedException {
        refresh(alias);
        Map<String, Integer> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String body = Json.mapper().writeValueAsString(Map.of("size", chunk.size() * 2, "_source", false,
                    "query", Map.of("ids", Map.of("values", chunk))));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/" + alias + "/_search"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404) {
                return found;
            }
            if (answer.statusCode() != 200) {
                throw new IOException(alias + "/_search answered " + answer.statusCode() + ": " + answer.body());
            }
            for (JsonNode hit : Json.mapper().readTree(answer.body()).path("hits").path("hits")) {
                found.merge(hit.path("_id").asText(), 1, Integer::sum);
            }
        }
        return found;
    }

    /** Makes everything indexed so far searchable. */
    public void refresh(String alias) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(base.resolve("/" + alias + "/_refresh")).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }
}
