package org.warroom.indexer;

import java.util.Arrays;
import java.util.List;

/**
 * Writes handed to the {@link BulkWriter} together, on behalf of one {@link InFlightPolls.Poll} (a first attempt or
 * a retry), and their outcomes as Elasticsearch's answers arrive (on the ingester's threads). The first outcome of a
 * slot counts; once all are in, or the submission {@link #expire expired}, nothing changes any more.
 */
final class Submission {
    private final InFlightPolls.Poll poll;
    private final List<IndexAction> actions;
    private final Outcome[] outcomes;
    private final long sentAtNanos = System.nanoTime();
    private int unanswered;

    Submission(InFlightPolls.Poll poll, List<IndexAction> actions) {
        this.poll = poll;
        this.actions = actions;
        this.outcomes = new Outcome[actions.size()];
        this.unanswered = actions.size();
    }

    InFlightPolls.Poll poll() {
        return poll;
    }

    List<IndexAction> actions() {
        return actions;
    }

    long sentAtNanos() {
        return sentAtNanos;
    }

    /** @return true when this answer was the last one missing */
    synchronized boolean complete(int slot, Outcome outcome) {
        if (outcomes[slot] != null) {
            return false;
        }
        outcomes[slot] = outcome;
        return --unanswered == 0;
    }

    /** Fills every missing answer with this one; @return true when something was missing */
    synchronized boolean expire(Outcome outcome) {
        if (unanswered == 0) {
            return false;
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] == null) {
                outcomes[i] = outcome;
            }
        }
        unanswered = 0;
        return true;
    }

    synchronized int unanswered() {
        return unanswered;
    }

    /** The outcomes in the order of {@link #actions()}; complete once the writer handed the submission back. */
    synchronized List<Outcome> outcomes() {
        return Arrays.asList(outcomes.clone());
    }
}
