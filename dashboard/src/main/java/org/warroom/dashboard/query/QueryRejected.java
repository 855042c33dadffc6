package org.warroom.dashboard.query;

/**
 * A query the caller may not make or that makes no sense: the dashboard answers {@link Kind#FORBIDDEN} with 403 and
 * {@link Kind#INVALID} with 400, with {@link #getMessage()} as the reason.
 */
public final class QueryRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { FORBIDDEN, INVALID }

    private final Kind kind;
    private final String field;

    public QueryRejected(Kind kind, String field, String reason) {
        super(reason);
        this.kind = kind;
        this.field = field;
    }

    public static QueryRejected forbidden(String field, String reason) {
        return new QueryRejected(Kind.FORBIDDEN, field, reason);
    }

    public static QueryRejected invalid(String field, String reason) {
        return new QueryRejected(Kind.INVALID, field, reason);
    }

    public Kind kind() {
        return kind;
    }

    /** The request parameter to blame. */
    public String field() {
        return field;
    }
}
