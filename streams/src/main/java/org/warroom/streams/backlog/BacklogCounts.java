package org.warroom.streams.backlog;

import java.time.OffsetDateTime;

/**
 * The counters of one district × department's open tickets (store {@code backlog-counts}), kept up to date on every
 * change so that a result never needs to look at the tickets themselves.
 *
 * @param oldest the earliest {@code openSince} of its open tickets, null when none is open
 */
record BacklogCounts(int open, int overdue, OffsetDateTime oldest) {
    static final BacklogCounts NONE = new BacklogCounts(0, 0, null);

    BacklogCounts plus(OpenTicket ticket) {
        return new BacklogCounts(open + 1, overdue + (ticket.overdue() ? 1 : 0), oldest);
    }

    BacklogCounts minus(OpenTicket ticket) {
        return new BacklogCounts(open - 1, overdue - (ticket.overdue() ? 1 : 0), oldest);
    }

    BacklogCounts plusOverdue() {
        return new BacklogCounts(open, overdue + 1, oldest);
    }

    BacklogCounts minusOverdue() {
        return new BacklogCounts(open, overdue - 1, oldest);
    }

    BacklogCounts withOldest(OffsetDateTime since) {
        return new BacklogCounts(open, overdue, since);
    }
}
