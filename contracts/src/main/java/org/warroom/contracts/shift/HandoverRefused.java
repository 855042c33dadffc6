package org.warroom.contracts.shift;

/**
 * A handover step that cannot be taken: {@link Reason#NOT_ALLOWED} (not in its state, or the incoming lead is the
 * one who signed), {@link Reason#INVALID} (a field is wrong). Carries the handover unchanged.
 */
public final class HandoverRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { NOT_ALLOWED, INVALID }

    private final Reason reason;
    private final String field;
    private final transient Handover current;

    public HandoverRefused(Reason reason, String field, String message, Handover current) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public Handover current() {
        return current;
    }
}
