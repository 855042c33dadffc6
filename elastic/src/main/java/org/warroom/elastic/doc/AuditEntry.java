package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * One audited action (family {@code audit}, append-only): who did what to what, when, from where, and how it ended.
 *
 * @param id       unique; {@link org.warroom.elastic.AuditLog} fills in a random one when null
 * @param actor    the username (or API key source) that acted
 * @param role     the actor's role ({@code operator|commander|responder|admin})
 * @param action   what was done, a dotted word: {@code login}, {@code login.failed}, {@code alert.ack},
 *                 {@code admin.user.create}, {@code admin.key.create}, ...
 * @param target   what it was done to (an alert id, a username, a key id), when there is one
 * @param district the district concerned, when there is one
 * @param outcome  {@code ok}, {@code denied} or {@code failed}
 * @param remote   the caller's address
 * @param details  anything else worth keeping (stored, not searchable); never passwords or keys
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(String id, Instant at, String actor, String role, String action, String target,
                         String district, String outcome, String remote, Map<String, String> details) {
    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public AuditEntry withId(String newId) {
        return new AuditEntry(newId, at, actor, role, action, target, district, outcome, remote, details);
    }
}
