package org.warroom.contracts.complaint;

/**
 * An action that cannot be applied: {@link Reason#STALE} (another step came first: the version is not the
 * current one), {@link Reason#NOT_ALLOWED} (not in the complaint's state), {@link Reason#INVALID} (a field is
 * missing or wrong). Carries the complaint as it is, unchanged.
 */
public final class ComplaintRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { STALE, NOT_ALLOWED, INVALID }

    private final Reason reason;
    private final String field;
    private final transient Complaint current;

    public ComplaintRefused(Reason reason, String field, String message, Complaint current) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending field ({@link Reason#INVALID}), else null. */
    public String field() {
        return field;
    }

    public Complaint current() {
        return current;
    }
}
