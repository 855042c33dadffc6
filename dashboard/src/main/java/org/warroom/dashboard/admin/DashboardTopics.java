package org.warroom.dashboard.admin;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;
import org.warroom.dashboard.audit.AuditEvent;
import org.warroom.dashboard.security.Session;

/**
 * The topics the dashboard owns (created at its start): users, the audit log and the shared sessions. The result topics it reads
 * and {@code warroom.alert-acks} / {@code warroom.apikeys} it writes are declared in the contracts.
 */
public final class DashboardTopics {
    /** Dashboard users (hashes only), keyed by username; compacted: the latest record per user is the user. */
    public static final Topic<String, UserAccount> USERS =
            new Topic<>("warroom.users", Serdes.String(), JsonSerde.of(UserAccount.class), true);
    /**
     * The audit log, keyed by actor: every login (success and failure), acknowledgement and administrative
     * change. Append-only (delete policy, never compacted), so nothing is lost when Elasticsearch is down; the
     * indexer makes it searchable. Kept {@code audit.retention} (default 365 days).
     */
    public static final Topic<String, AuditEvent> AUDIT =
            new Topic<>("warroom.audit", Serdes.String(), JsonSerde.of(AuditEvent.class), false, Topic.Retention.AUDIT);

    /**
     * Signed-in sessions shared by every dashboard instance, keyed by the SHA-256 of the session token (the token
     * itself is never written); compacted, a tombstone when a session ends or expires.
     */
    public static final Topic<String, Session> SESSIONS =
            new Topic<>("warroom.sessions", Serdes.String(), JsonSerde.of(Session.class), true);

    private DashboardTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(USERS, AUDIT, SESSIONS);
    }
}
