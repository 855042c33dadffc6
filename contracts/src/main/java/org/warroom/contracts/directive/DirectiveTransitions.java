package org.warroom.contracts.directive;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The state diagram of a directive (docs/OPERATIONS.md), in one place:
 * <pre>
 *   issue ──► issued ──acknowledge/progress──► acknowledged ──close──► closed ──accept──► accepted
 *               │                                  ▲  │ progress       │
 *               └──────────────close───────────────┼──┼────────────────┘
 *                                                  └──┴──────return───────┘
 * </pre>
 * The owner acknowledges, reports progress (stays acknowledged) and closes with a note; the issuer accepts a closed
 * directive or returns it to the owner (back to acknowledged). An accepted directive takes no more steps.
 */
public final class DirectiveTransitions {
    private static final Set<DirectiveState> OPEN = EnumSet.of(DirectiveState.ISSUED, DirectiveState.ACKNOWLEDGED);

    private DirectiveTransitions() {
    }

    /** The state after {@code action} from {@code from}; empty when the action is not allowed there. */
    public static Optional<DirectiveState> next(DirectiveState from, DirectiveAction action) {
        if (!allowedFrom(action).contains(from)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case ISSUE -> DirectiveState.ISSUED;
            case ACKNOWLEDGE, PROGRESS, RETURN -> DirectiveState.ACKNOWLEDGED;
            case CLOSE -> DirectiveState.CLOSED;
            case ACCEPT -> DirectiveState.ACCEPTED;
        });
    }

    /** The states in which {@code action} is allowed (none for {@code issue}: it makes the directive). */
    public static Set<DirectiveState> allowedFrom(DirectiveAction action) {
        return switch (action) {
            case ISSUE -> Set.of();
            case ACKNOWLEDGE -> Set.of(DirectiveState.ISSUED);
            case PROGRESS, CLOSE -> OPEN;
            case ACCEPT, RETURN -> Set.of(DirectiveState.CLOSED);
        };
    }

    /** The actions allowed in {@code state}, for screens (buttons) and error messages. */
    public static List<DirectiveAction> allowedIn(DirectiveState state) {
        return Arrays.stream(DirectiveAction.values()).filter(a -> allowedFrom(a).contains(state)).toList();
    }
}
