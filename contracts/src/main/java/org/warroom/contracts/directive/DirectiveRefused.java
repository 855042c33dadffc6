package org.warroom.contracts.directive;

/**
 * An action that cannot be applied: {@link Reason#STALE} (another step came first), {@link Reason#NOT_ALLOWED} (not
 * in the directive's state), {@link Reason#INVALID} (a field is missing or wrong). Carries the directive unchanged.
 */
public final class DirectiveRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { STALE, NOT_ALLOWED, INVALID }

    private final Reason reason;
    private final String field;
    private final transient Directive current;

    public DirectiveRefused(Reason reason, String field, String message, Directive current) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    /** The offending field. */
    public String field() {
        return field;
    }

    public Directive current() {
        return current;
    }
}
