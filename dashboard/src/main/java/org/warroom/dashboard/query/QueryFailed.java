package org.warroom.dashboard.query;

/** Elasticsearch did not answer (down, timed out): the dashboard answers 503. */
public final class QueryFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryFailed(String what, Throwable cause) {
        super(what + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()), cause);
    }
}
