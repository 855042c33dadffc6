package org.warroom.contracts.audit;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The audit log's topic: written by every service that audits an action, indexed by the indexer. */
public final class AuditTopics {
    /**
     * The audit log, keyed by actor: every login (success and failure), acknowledgement and administrative
     * change. Append-only (delete policy, never compacted), so nothing is lost when Elasticsearch is down; the
     * indexer makes it searchable. Kept {@code audit.retention} (default 365 days).
     */
    public static final Topic<String, AuditEvent> AUDIT =
            new Topic<>("warroom.audit", Serdes.String(), JsonSerde.of(AuditEvent.class), false, Topic.Retention.AUDIT);

    private AuditTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(AUDIT);
    }
}
