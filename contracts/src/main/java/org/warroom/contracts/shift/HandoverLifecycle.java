package org.warroom.contracts.shift;

import java.time.OffsetDateTime;
import org.warroom.contracts.shift.HandoverRefused.Reason;

/**
 * The handover's steps: {@code drafted ──sign──► signed ──acknowledge──► acknowledged}. The outgoing lead signs
 * (with their summary, or the summary kept empty); the incoming lead, a different person from the one who signed,
 * acknowledges. Pure.
 */
public final class HandoverLifecycle {
    /** A summary longer than this is refused. */
    public static final int MAX_SUMMARY = 8000;

    public Handover draft(String id, HandoverDraft draft, String by, OffsetDateTime at) {
        return new Handover(id, 1, HandoverState.DRAFTED, at, by, draft, null, null, null, null, null);
    }

    public Handover sign(Handover current, String summary, String by, OffsetDateTime at) {
        if (current.state() != HandoverState.DRAFTED) {
            throw new HandoverRefused(Reason.NOT_ALLOWED, "state", "handover " + current.id() + " is "
                    + current.state().wire() + ": only a drafted handover can be signed", current);
        }
        String s = summary == null || summary.isBlank() ? null : summary.strip();
        if (s != null && s.length() > MAX_SUMMARY) {
            throw new HandoverRefused(Reason.INVALID, "summary", "summary must be at most " + MAX_SUMMARY
                    + " characters (it has " + s.length() + ")", current);
        }
        return new Handover(current.id(), current.version() + 1, HandoverState.SIGNED, current.draftedAt(),
                current.draftedBy(), current.draft(), s, by, at, null, null);
    }

    public Handover acknowledge(Handover current, String by, OffsetDateTime at) {
        if (current.state() != HandoverState.SIGNED) {
            throw new HandoverRefused(Reason.NOT_ALLOWED, "state", "handover " + current.id() + " is "
                    + current.state().wire() + ": only a signed handover can be acknowledged", current);
        }
        if (by.equals(current.signedBy())) {
            throw new HandoverRefused(Reason.NOT_ALLOWED, "user", "the incoming lead acknowledges: "
                    + by + " signed handover " + current.id() + " and cannot acknowledge it too", current);
        }
        return new Handover(current.id(), current.version() + 1, HandoverState.ACKNOWLEDGED, current.draftedAt(),
                current.draftedBy(), current.draft(), current.summary(), current.signedBy(), current.signedAt(), by, at);
    }
}
