package org.warroom.contracts.triage;

/**
 * A triage write that cannot be applied: {@link Reason#STALE} (another write came first, or the version named is not
 * the current one: 409), {@link Reason#NOT_ALLOWED} (not in this state: 422), {@link Reason#INVALID} (a field is
 * missing or wrong: 400). Carries the current version (0: nothing yet) and the current record, when there is one.
 */
public final class TriageRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { STALE, NOT_ALLOWED, INVALID }

    private final Reason reason;
    private final String field;
    private final long currentVersion;
    private final transient Object current;

    public TriageRefused(Reason reason, String field, String message, long currentVersion, Object current) {
        super(message, null, false, false);
        this.reason = reason;
        this.field = field;
        this.currentVersion = currentVersion;
        this.current = current;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public long currentVersion() {
        return currentVersion;
    }

    /** The current {@link Placement} or {@link AliasProposal}; null when there is none. */
    public Object current() {
        return current;
    }
}
