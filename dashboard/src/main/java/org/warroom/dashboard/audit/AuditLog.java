package org.warroom.dashboard.audit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.audit.AuditEvent;
import org.warroom.contracts.audit.AuditTopics;
import org.warroom.elastic.doc.AuditEntry;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The append-only audit log. Every event goes first to the Kafka topic {@code warroom.audit} — durable before the
 * audited action is answered, so nothing is lost when Elasticsearch is down; an event Kafka does not take fails
 * the action. Then it is copied to Elasticsearch (the index helper's {@link org.warroom.elastic.AuditLog},
 * same id, so a later copy from the topic is harmless), where administrators search it; an Elasticsearch failure is
 * logged and does not fail the action (the topic holds the event).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Vertx vertx;
    private final TopicWriter writer;
    private final Optional<org.warroom.elastic.AuditLog> search;
    private final Clock clock;

    public AuditLog(Vertx vertx, TopicWriter writer, Optional<org.warroom.elastic.AuditLog> search, Clock clock) {
        this.vertx = vertx;
        this.writer = writer;
        this.search = search;
        this.clock = clock;
    }

    /** Records an event; completes once it is durably in Kafka. */
    public Future<AuditEvent> record(String actor, String role, String action, String target, String district,
                                     String outcome, String address, Map<String, String> details) {
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), clock.instant(), actor, role, action, target,
                district, outcome, address, details);
        return writer.write(AuditTopics.AUDIT, actor == null ? "" : actor, event)
                .map(meta -> event)
                .onSuccess(this::copyToSearch)
                .onFailure(e -> LOG.error("AUDIT WRITE FAILED {} {} {} {}: {}", actor, action, target, outcome,
                        e.toString()));
    }

    private void copyToSearch(AuditEvent e) {
        search.ifPresent(es -> vertx.executeBlocking(() -> es.record(new AuditEntry(e.id(), e.at(), e.actor(),
                        e.role(), e.action(), e.target(), e.district(), e.outcome(), e.address(), e.details())), false)
                .onFailure(x -> LOG.warn("audit event {} is in Kafka but not yet in Elasticsearch: {}", e.id(),
                        x.toString())));
    }

    public Optional<org.warroom.elastic.AuditLog> search() {
        return search;
    }
}
