package org.warroom.streams.backlog;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.streams.support.Times;

/**
 * The SLA deadlines of open tickets not yet overdue (store {@code backlog-deadlines}, keyed
 * {@code sortable deadline|district|department|ticket}), so that the tickets turning overdue are found by reading
 * the start of the index, not every open ticket.
 *
 * <p>Remembers a lower bound of the earliest deadline so that most calls of {@link #takeDue} read nothing; the bound
 * starts unknown (after every re-initialisation, e.g. a restore) and is refreshed by each read.
 */
final class SlaDeadlines {
    private final KeyValueStore<String, TicketRef> store;
    private long earliest = Long.MIN_VALUE;

    SlaDeadlines(KeyValueStore<String, TicketRef> store) {
        this.store = store;
    }

    void add(long deadline, TicketRef ticket) {
        store.put(key(deadline, ticket), ticket);
        earliest = Math.min(earliest, deadline);
    }

    void remove(long deadline, TicketRef ticket) {
        store.delete(key(deadline, ticket));
    }

    /** Removes and returns the tickets whose deadline is before {@code now}, earliest first. */
    List<TicketRef> takeDue(long now) {
        if (earliest >= now) {
            return List.of();
        }
        List<KeyValue<String, TicketRef>> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        try (KeyValueIterator<String, TicketRef> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, TicketRef> entry = all.next();
                long deadline = Times.fromSortable(entry.key.substring(0, Times.SORTABLE_LENGTH));
                if (deadline >= now) {
                    next = deadline;
                    break;
                }
                due.add(entry);
            }
        }
        earliest = next;
        List<TicketRef> tickets = new ArrayList<>(due.size());
        for (KeyValue<String, TicketRef> entry : due) {
            store.delete(entry.key);
            tickets.add(entry.value);
        }
        return tickets;
    }

    private static String key(long deadline, TicketRef ticket) {
        return Times.sortable(deadline) + "|" + ticket.openKey();
    }
}
