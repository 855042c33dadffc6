package org.warroom.dashboard.triage;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.json.Json;
import org.warroom.elastic.IndexFamily;
import org.warroom.elastic.IndexNames;

/**
 * The unplaced citizen messages as Elasticsearch holds them (family {@code messages}, {@code districtSource=unknown}):
 * the triage queue, oldest first, and one message by id. Read with the personal data (the placed copy written back to
 * Kafka must be the whole message); what a viewer gets is masked by {@link TriageViews}. Blocking: call it from a
 * worker thread.
 */
public final class UnplacedMessages {
    private final ElasticsearchClient client;
    private final IndexNames names;

    /** A page of the queue and how many unplaced messages there are in all. */
    public record Page(long total, List<CitizenMessage> messages) {
    }

    public UnplacedMessages(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Up to {@code size} unplaced messages, oldest first, leaving out {@code placed} (placed, not yet re-indexed). */
    public Page oldestFirst(int size, Collection<String> placed) {
        try {
            SearchResponse<JsonNode> answer = client.search(s -> s.index(names.pattern(IndexFamily.MESSAGES))
                    .query(q -> q.bool(b -> b.filter(unplaced())
                            .mustNot(placed.isEmpty() ? List.of() : List.of(Query.of(n -> n.ids(i -> i.values(List.copyOf(placed))))))))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Asc)))
                    .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                    .size(size)
                    .trackTotalHits(t -> t.enabled(true))
                    .ignoreUnavailable(true), JsonNode.class);
            List<CitizenMessage> messages = answer.hits().hits().stream().map(h -> read(h.source())).toList();
            long total = answer.hits().total() == null ? messages.size() : answer.hits().total().value();
            return new Page(total, messages);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the unplaced messages cannot be read: " + e.getMessage(), e);
        }
    }

    /** The message with this id, whatever its district (empty when Elasticsearch does not have it). */
    public Optional<CitizenMessage> find(String id) {
        try {
            SearchResponse<JsonNode> answer = client.search(s -> s.index(names.pattern(IndexFamily.MESSAGES))
                    .query(q -> q.ids(i -> i.values(id))).size(1).ignoreUnavailable(true), JsonNode.class);
            return answer.hits().hits().stream().findFirst().map(h -> read(h.source()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the message cannot be read: " + e.getMessage(), e);
        }
    }

    private static Query unplaced() {
        return Query.of(q -> q.term(t -> t.field("districtSource").value(CitizenMessage.DISTRICT_UNKNOWN)));
    }

    private static CitizenMessage read(JsonNode source) {
        try {
            return Json.mapper().treeToValue(source, CitizenMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an indexed message cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
