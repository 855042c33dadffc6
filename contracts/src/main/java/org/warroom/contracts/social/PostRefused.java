package org.warroom.contracts.social;

/**
 * A post step that cannot be taken: {@link Reason#INVALID} (a field is wrong: 400), {@link Reason#STALE} (the post
 * changed since the version given: 409), {@link Reason#NOT_ALLOWED} (not in its state, the editor approving their
 * own words, no provider configured: 422). Carries the post as it is.
 */
public final class PostRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason { INVALID, STALE, NOT_ALLOWED }

    private final Reason reason;
    private final String field;
    private final transient SocialPost current;

    public PostRefused(Reason reason, String field, String message, SocialPost current) {
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

    public SocialPost current() {
        return current;
    }
}
