package org.warroom.dashboard.security;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/**
 * The topics the dashboard owns (created at its start): the shared sessions (the users topic is
 * {@link org.warroom.contracts.account.AccountTopics}, the audit log {@link org.warroom.contracts.audit.AuditTopics}). The result topics it reads
 * and {@code warroom.alert-acks} / {@code warroom.apikeys} it writes are declared in the contracts.
 */
public final class SessionTopics {
    /**
     * Signed-in sessions shared by every dashboard instance, keyed by the SHA-256 of the session token (the token
     * itself is never written); compacted, a tombstone when a session ends or expires.
     */
    public static final Topic<String, Session> SESSIONS =
            new Topic<>("warroom.sessions", Serdes.String(), JsonSerde.of(Session.class), true);

    private SessionTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SESSIONS);
    }
}
