package org.warroom.contracts.directive;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.warroom.contracts.directive.DirectiveRefused.Reason;

/**
 * Issues directives and applies actions to them: checks the version (stale → {@link Reason#STALE}), the state
 * ({@link DirectiveTransitions}; not allowed → {@link Reason#NOT_ALLOWED} naming the state) and the note each
 * action needs (→ {@link Reason#INVALID}), and returns the next version with its step in the history. Pure.
 */
public final class DirectiveLifecycle {

    /** Version 1 of a new directive, {@code issued}. */
    public Directive issue(String id, DirectiveOrder order, String by, OffsetDateTime at) {
        DirectiveStep step = new DirectiveStep(1, DirectiveAction.ISSUE, at, by, DirectiveState.ISSUED, null);
        return new Directive(id, 1, DirectiveState.ISSUED, order.district(), order.department(), order.text(),
                order.deadline(), order.priority() == null ? DirectivePriority.NORMAL : order.priority(),
                order.alert(), order.shortage(), by, at, at, List.of(step));
    }

    /** The directive after {@code request}; throws {@link DirectiveRefused} with {@code current} unchanged. */
    public Directive act(Directive current, DirectiveRequest request, String by, OffsetDateTime at) {
        DirectiveAction action = request.action();
        if (action == DirectiveAction.ISSUE) {
            throw new DirectiveRefused(Reason.INVALID, "action", "issue with POST /api/v1/directives", current);
        }
        if (request.version() != current.version()) {
            throw new DirectiveRefused(Reason.STALE, "version", "directive " + current.id() + " is at version "
                    + current.version() + " (" + current.state().wire() + "), not " + request.version()
                    + ": someone else acted first", current);
        }
        DirectiveState next = DirectiveTransitions.next(current.state(), action).orElseThrow(() ->
                new DirectiveRefused(Reason.NOT_ALLOWED, "action", "cannot " + action.wire() + " directive "
                        + current.id() + ": it is " + current.state().wire() + " (allowed: "
                        + String.join(", ", DirectiveTransitions.allowedIn(current.state()).stream()
                        .map(DirectiveAction::wire).toList()) + ")", current));
        if (current.history().size() >= Directive.MAX_STEPS) {
            throw new DirectiveRefused(Reason.NOT_ALLOWED, "action", "directive " + current.id() + " has "
                    + Directive.MAX_STEPS + " steps already; issue a new one", current);
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note == null) {
            switch (action) {
                case PROGRESS -> refuseWithoutNote("what has been done so far", current);
                case CLOSE -> refuseWithoutNote("what was done (the closing note)", current);
                case RETURN -> refuseWithoutNote("why it is sent back", current);
                default -> { }
            }
        }
        long version = current.version() + 1;
        List<DirectiveStep> history = new ArrayList<>(current.history());
        history.add(new DirectiveStep(version, action, at, by, next, note));
        return new Directive(current.id(), version, next, current.district(), current.department(), current.text(),
                current.deadline(), current.priority(), current.alert(), current.shortage(), current.issuedBy(),
                current.issuedAt(), at, history);
    }

    private static void refuseWithoutNote(String what, Directive current) {
        throw new DirectiveRefused(Reason.INVALID, "note", "note is required: " + what, current);
    }
}
