package org.warroom.indexer;

import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import org.warroom.elastic.IndexFamily;

/**
 * One write the indexer owes Elasticsearch for one Kafka record, with where it came from (for dead letters and
 * metrics). How a replay or a duplicate stays harmless depends on the {@link Mode}.
 *
 * @param document the document record; null for {@link Mode#DELETE}
 */
record IndexAction(IndexFamily family, String index, String id, Object document, Mode mode, long version,
                   String topic, int partition, long offset) {

    enum Mode {
        /** Immutable event: {@code create}; a second copy of the same id is refused (409) and counts as done. */
        CREATE,
        /**
         * A document updated over time (a worker, an alert, a snapshot): {@code index} with an external version (the
         * Kafka offset + 1, monotonic per key because a key stays on one partition), so an older write never
         * overwrites a newer one, and a replay is refused (409) as already done.
         */
        VERSIONED,
        /** A tombstone of a compacted topic: delete, versioned like {@link #VERSIONED}. */
        DELETE
    }

    BulkOperation operation() {
        return switch (mode) {
            case CREATE -> BulkOperation.of(b -> b.create(c -> c.index(index).id(id).document(document)));
            case VERSIONED -> BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(document)
                    .version(version).versionType(VersionType.External)));
            case DELETE -> BulkOperation.of(b -> b.delete(d -> d.index(index).id(id)
                    .version(version).versionType(VersionType.External)));
        };
    }

    String where() {
        return topic + "-" + partition + "@" + offset;
    }
}
