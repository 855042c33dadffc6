package org.warroom.indexer;

/** What Elasticsearch made of one write. */
record Outcome(Kind kind, int status, String reason) {
    enum Kind {
        /** Written (created, updated or deleted). */
        DONE,
        /** Already there: the same event id, or a newer version of the document (409). Nothing to do. */
        ALREADY_DONE,
        /** Not now: too many requests, a server-side failure, or no answer at all. Try again later. */
        RETRY,
        /** Never: the document itself is refused (a mapping conflict, a malformed value). Dead-letter it. */
        REJECTED
    }

    static final Outcome DONE = new Outcome(Kind.DONE, 200, null);

    static Outcome of(int status, String errorType, String errorReason) {
        if (errorType == null) {
            return status == 404 ? DONE : new Outcome(Kind.DONE, status, null); // a delete of a missing document is done
        }
        String reason = errorType + ": " + errorReason;
        if (status == 409) {
            return new Outcome(Kind.ALREADY_DONE, status, reason);
        }
        if (status == 429 || status >= 500 || status == 408) {
            return new Outcome(Kind.RETRY, status, reason);
        }
        return new Outcome(Kind.REJECTED, status, reason);
    }

    static Outcome unreachable(Throwable error) {
        return new Outcome(Kind.RETRY, 0, error.getClass().getSimpleName() + ": " + error.getMessage());
    }
}
