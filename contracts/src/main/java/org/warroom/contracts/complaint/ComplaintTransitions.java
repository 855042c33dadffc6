package org.warroom.contracts.complaint;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state diagram of a complaint (docs/COMPLAINTS.md), in one place:
 * <pre>
 *   register ──► open ──assign──► assigned ──resolve──► resolved ──reopen──► reopened
 *                 ▲  ◄──forward──┘    │      ──reject───► rejected ──reopen──┘    │
 *                 └──────────forward──┴────────────────────────────────────────────┘
 * </pre>
 * While a complaint is on a desk (open, assigned, reopened) it may be assigned, commented, forwarded (back to
 * {@code open} at another department), resolved or rejected; a closed one (resolved, rejected) may only be reopened.
 */
public final class ComplaintTransitions {
    private static final Set<ComplaintState> ON_DESK =
            EnumSet.of(ComplaintState.OPEN, ComplaintState.ASSIGNED, ComplaintState.REOPENED);
    private static final Set<ComplaintState> CLOSED = EnumSet.of(ComplaintState.RESOLVED, ComplaintState.REJECTED);

    private ComplaintTransitions() {
    }

    /** The state after {@code action} from {@code from}; empty when the action is not allowed there. */
    public static Optional<ComplaintState> next(ComplaintState from, ComplaintAction action) {
        if (!allowedFrom(action).contains(from)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case REGISTER, FORWARD -> ComplaintState.OPEN;
            case ASSIGN -> ComplaintState.ASSIGNED;
            case COMMENT -> from;
            case RESOLVE -> ComplaintState.RESOLVED;
            case REJECT -> ComplaintState.REJECTED;
            case REOPEN -> ComplaintState.REOPENED;
            case RATE -> from;
        });
    }

    /** The states in which {@code action} is allowed (none for {@code register}: it makes the complaint). */
    public static Set<ComplaintState> allowedFrom(ComplaintAction action) {
        return switch (action) {
            case REGISTER -> Set.of();
            case ASSIGN, COMMENT, FORWARD, RESOLVE, REJECT -> ON_DESK;
            case REOPEN -> CLOSED;
            case RATE -> EnumSet.of(ComplaintState.RESOLVED);
        };
    }

    /** The actions allowed in {@code state}, for screens (buttons) and error messages. */
    public static List<ComplaintAction> allowedIn(ComplaintState state) {
        return java.util.Arrays.stream(ComplaintAction.values()).filter(a -> allowedFrom(a).contains(state)).toList();
    }
}
