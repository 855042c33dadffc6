package org.warroom.contracts.account;

import java.util.Locale;
import java.util.Optional;

/** The roles of the war room (API.md: operator|commander|responder|admin, wave 2: officer|agent|supervisor). */
public enum Role {
    /** State war-room operator: the whole state, personal data masked. */
    OPERATOR,
    /** District commander: only their own district(s), personal data of their district in clear. */
    COMMANDER,
    /** Responder: alerts of their districts and categories. */
    RESPONDER,
    /** Administrator: users, roles, keys, thresholds; everything, audited. */
    ADMIN,
    /** Department officer: the complaint desks of their department(s) in their district(s) (docs/COMPLAINTS.md). */
    OFFICER,
    /**
     * Call-centre agent: registers complaints (and reads them, personal data masked), cannot resolve; works
     * verification calls (the current worker in clear, docs/CAMPAIGNS.md).
     */
    AGENT,
    /** Campaign supervisor: runs verification-call campaigns over the whole registry, personal data masked. */
    SUPERVISOR,
    /**
     * A registered wall display (docs/DISPLAYS.md): a device, not a person — read-only, no personal data, its view
     * only. Never a user's role.
     */
    DISPLAY;

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
