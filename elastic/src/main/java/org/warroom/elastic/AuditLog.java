package org.warroom.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.warroom.elastic.doc.AuditEntry;

/**
 * The audit log in Elasticsearch (family {@code audit}): append-only, one document per action, never updated.
 * Blocking: the dashboard calls it from a worker thread ({@code executeBlocking}). A write that Elasticsearch does
 * not acknowledge throws, so the caller can refuse the audited action rather than let it pass unrecorded.
 */
public final class AuditLog {
    private final ElasticsearchClient client;
    private final IndexNames names;

    public AuditLog(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** One page of the log, newest first. */
    public record Page(long total, List<AuditEntry> items) {
    }

    /**
     * Appends one entry (a random id and the current time are filled in when missing); returns its id. Throws
     * {@link UncheckedIOException} when Elasticsearch did not take it.
     */
    public String record(AuditEntry entry) {
        AuditEntry e = entry.id() == null ? entry.withId(UUID.randomUUID().toString()) : entry;
        AuditEntry stamped = e.at() == null
                ? new AuditEntry(e.id(), Instant.now(), e.actor(), e.role(), e.action(), e.target(), e.district(),
                        e.outcome(), e.remote(), e.details())
                : e;
        try {
            client.create(c -> c.index(names.index(IndexFamily.AUDIT, stamped.at())).id(stamped.id()).document(stamped));
            return stamped.id();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException conflict) {
            if (conflict.status() == 409) {
                return stamped.id(); // the same entry written twice (a retry): already recorded
            }
            throw new UncheckedIOException(new IOException("audit entry not recorded: " + conflict.getMessage(), conflict));
        } catch (IOException ex) {
            if (ex instanceof org.elasticsearch.client.ResponseException re
                    && re.getResponse().getStatusLine().getStatusCode() == 409) {
                return stamped.id(); // the low-level client reports create's conflict this way: already recorded
            }
            throw new UncheckedIOException("audit entry not recorded", ex);
        }
    }

    /**
     * Entries between {@code from} and {@code to} (either may be null), optionally of one actor and/or one action,
     * newest first. For administrators only: the caller checks the role.
     */
    public Page find(Instant from, Instant to, String actor, String action, int offset, int size) {
        List<Query> filters = new ArrayList<>();
        if (from != null || to != null) {
            filters.add(Query.of(q -> q.range(r -> r.untyped(u -> {
                u.field("at");
                if (from != null) {
                    u.gte(JsonData.of(from.toString()));
                }
                if (to != null) {
                    u.lt(JsonData.of(to.toString()));
                }
                return u;
            }))));
        }
        if (actor != null && !actor.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("actor").value(actor))));
        }
        if (action != null && !action.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field("action").value(action))));
        }
        try {
            SearchResponse<AuditEntry> answer = client.search(s -> s
                    .index(names.pattern(IndexFamily.AUDIT))
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc)))
                    .from(Math.max(0, offset))
                    .size(Math.max(0, Math.min(size, 500)))
                    .trackTotalHits(t -> t.enabled(true)), AuditEntry.class);
            return new Page(answer.hits().total() == null ? 0 : answer.hits().total().value(),
                    answer.hits().hits().stream().map(Hit::source).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log", e);
        }
    }
}
