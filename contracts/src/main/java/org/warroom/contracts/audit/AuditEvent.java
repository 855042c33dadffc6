package org.warroom.contracts.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One audited action. Topic {@code warroom.audit}, keyed by {@link #actor()}.
 *
 * @param id      random, unique: makes re-indexing harmless
 * @param actor   the username acting ({@code login.failure} events carry the name that was tried)
 * @param role    the actor's role, when known
 * @param action  {@code login.success}, {@code login.failure}, {@code login.throttled}, {@code logout},
 *                {@code alert.ack}, {@code user.create}, {@code user.update}, {@code key.create}, {@code key.revoke},
 *                {@code admin.bootstrap}
 * @param target  what was acted on: an alert id, a username, a key id
 * @param district the district concerned, when there is one
 * @param outcome {@code ok} or why it was refused
 * @param address the client address
 * @param details extra facts (never passwords, keys or hashes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(String id, Instant at, String actor, String role, String action, String target,
                         String district, String outcome, String address, Map<String, String> details) {
    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
