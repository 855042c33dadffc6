package org.warroom.contracts.account;

import java.util.Locale;
import java.util.Optional;

/** The roles of the war room (API.md: operator|commander|responder|admin, wave 2: agent|supervisor). */
public enum Role {
    /** State war-room operator: the whole state, personal data masked. */
    OPERATOR,
    /** District commander: only their own district(s), personal data of their district in clear. */
    COMMANDER,
    /** Responder: alerts of their districts and categories. */
    RESPONDER,
    /** Administrator: users, roles, keys, thresholds; everything, audited. */
    ADMIN,
    /** Call-centre agent: works verification calls (the current worker in clear), everything else masked. */
    AGENT,
    /** Campaign supervisor: runs verification-call campaigns over the whole registry, personal data masked. */
    SUPERVISOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
