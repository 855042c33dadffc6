package org.warroom.contracts.display;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A registered wall display (docs/DISPLAYS.md), as stored on the compacted topic {@code warroom.displays} keyed by
 * {@link #id()}. Its device credential is presented as {@code wrd_<id>_<secret>} and stored only as the SHA-256 of
 * the whole credential. A display holds no personal data, reads only, and keeps working until revoked: no idle or
 * absolute limit like a person's session.
 *
 * @param state     LGD state code the display is limited to (null: every state, or the district's state)
 * @param district  LGD district code (the district view; else null)
 * @param rotate    the wall rotates through the states it may show (kiosk rotation)
 * @param revokedAt when set, the credential is refused and open screens are closed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Display(String id, String name, String state, String district, DisplayView view, boolean rotate,
                      String sha256, Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The same display, revoked. */
    public Display revoke(Instant at, String by) {
        return new Display(id, name, state, district, view, rotate, sha256, createdAt, createdBy, at, by);
    }

    /** The principal name under which a display's requests are audited. */
    public String principal() {
        return "display/" + id;
    }

    @Override
    public String toString() {
        return "Display[" + id + ", " + name + ", " + view.wire() + (revoked() ? ", revoked" : "") + "]";
    }
}
