package org.warroom.contracts.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.warroom.contracts.complaint.ComplaintRefused.Reason;

/**
 * Applies registrations and actions to complaints: checks the version (stale → {@link Reason#STALE}), the state
 * ({@link ComplaintTransitions}; not allowed → {@link Reason#NOT_ALLOWED} naming the state) and the fields each
 * action needs (→ {@link Reason#INVALID} naming the field), and returns the next version with its step in the
 * history. Pure: nothing is stored here.
 */
public final class ComplaintLifecycle {
    private final Supplier<ComplaintSla> slaNow;

    public ComplaintLifecycle(ComplaintSla sla) {
        this(() -> sla);
    }

    /** @param slaNow the SLA in force at each step (the configured one under the run-time settings, docs/SETTINGS.md) */
    public ComplaintLifecycle(Supplier<ComplaintSla> slaNow) {
        this.slaNow = slaNow;
    }

    /** Version 1 of a new complaint, {@code open} at {@code department}. */
    public Complaint register(ComplaintNumber number, Registration r, String department, String by, OffsetDateTime at) {
        ComplaintStep step = new ComplaintStep(1, ComplaintAction.REGISTER, at, by, ComplaintState.OPEN, null,
                department, null);
        return new Complaint(number.toString(), 1, ComplaintState.OPEN, r.district(), department, r.category(),
                r.commodity(), r.phone(), r.name(), r.text(), r.channel(), r.language(), r.message(), r.call(), at, at,
                at.plus(slaNow.get().of(r.category())), null, at, List.of(step), List.of(), null);
    }

    /** The complaint after {@code request}; throws {@link ComplaintRefused} with {@code current} unchanged. */
    public Complaint act(Complaint current, ActionRequest request, String by, OffsetDateTime at) {
        ComplaintAction action = request.action();
        if (request.version() != current.version()) {
            throw new ComplaintRefused(Reason.STALE, "version", "complaint " + current.number() + " is at version "
                    + current.version() + " (" + current.state().wire() + "), not " + request.version()
                    + ": someone else acted first", current);
        }
        ComplaintState next = ComplaintTransitions.next(current.state(), action).orElseThrow(() ->
                new ComplaintRefused(Reason.NOT_ALLOWED, "action", "cannot " + action.wire() + " complaint "
                        + current.number() + ": it is " + current.state().wire() + " (allowed: "
                        + String.join(", ", ComplaintTransitions.allowedIn(current.state()).stream()
                        .map(ComplaintAction::wire).toList()) + ")", current));
        if (current.history().size() >= Complaint.MAX_STEPS) {
            throw new ComplaintRefused(Reason.NOT_ALLOWED, "action", "complaint " + current.number() + " has "
                    + Complaint.MAX_STEPS + " steps already; register a new one", current);
        }
        String note = blankToNull(request.note());
        Integer rating = current.rating();
        String department = current.department();
        String assignee = current.assignee();
        OffsetDateTime openSince = current.openSince();
        OffsetDateTime due = current.slaDueAt();
        switch (action) {
            case ASSIGN -> assignee = require(request.assignee(), "assignee", "whom to assign it to", current);
            case FORWARD -> {
                department = require(request.department(), "department", "the department to forward to", current);
                if (department.equalsIgnoreCase(current.department())) {
                    throw new ComplaintRefused(Reason.INVALID, "department", "complaint " + current.number()
                            + " is already at " + current.department(), current);
                }
                require(note, "note", "the reason for forwarding", current);
                assignee = null;
            }
            case COMMENT -> require(note, "note", "the comment", current);
            case RESOLVE -> require(note, "note", "the resolution note (what was done)", current);
            case REJECT -> require(note, "note", "the reason for rejecting", current);
            case REOPEN -> {
                require(note, "note", "why it is reopened", current);
                openSince = at;
                due = at.plus(slaNow.get().of(current.category()));
            }
            case RATE -> {
                if (current.rating() != null) {
                    throw new ComplaintRefused(Reason.NOT_ALLOWED, "rating", "complaint " + current.number()
                            + " is rated already (" + current.rating() + ")", current);
                }
                rating = ComplaintRatings.stars(require(request.rating(), "rating", "the rating 1 to 5", current),
                        current);
            }
            case REGISTER -> throw new ComplaintRefused(Reason.INVALID, "action",
                    "register with POST /api/v1/complaints", current);
        }
        long version = current.version() + 1;
        List<ComplaintStep> history = new ArrayList<>(current.history());
        history.add(new ComplaintStep(version, action, at, by, next, note, department, assignee));
        return new Complaint(current.number(), version, next, current.district(), department, current.category(),
                current.commodity(), current.phone(), current.name(), current.text(), current.channel(),
                current.language(), current.message(), current.call(), current.openedAt(), openSince, due, assignee,
                at, history, current.replies(), rating);
    }

    private static String require(String value, String field, String what, Complaint current) {
        String v = blankToNull(value);
        if (v == null) {
            throw new ComplaintRefused(Reason.INVALID, field, field + " is required: " + what, current);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
