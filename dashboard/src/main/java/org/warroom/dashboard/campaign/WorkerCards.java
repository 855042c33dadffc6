package org.warroom.dashboard.campaign;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warroom.dashboard.query.QueryFailed;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/** Reads one worker's current registry record from the worker index. Blocking: call it from a worker thread. */
public final class WorkerCards {
    private final ElasticsearchClient client;
    private final IndexNames names;

    public WorkerCards(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    public Optional<WorkerCard> find(String id) {
        try {
            GetResponse<JsonNode> answer = client.get(g -> g.index(names.alias(IndexFamily.WORKERS)).id(id), JsonNode.class);
            if (!answer.found() || answer.source() == null) {
                return Optional.empty();
            }
            JsonNode d = answer.source();
            List<String> skills = new ArrayList<>();
            d.path("skills").forEach(s -> skills.add(s.asText()));
            return Optional.of(new WorkerCard(id, text(d, "name"), text(d, "phone"), text(d, "homeDistrict"),
                    text(d, "currentState"), text(d, "currentDistrict"), skills, text(d, "status"),
                    d.hasNonNull("verifiedAt") ? OffsetDateTime.parse(d.get("verifiedAt").asText()) : null));
        } catch (IOException | RuntimeException e) {
            throw new QueryFailed("worker record", e);
        }
    }

    private static String text(JsonNode d, String field) {
        JsonNode v = d.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
