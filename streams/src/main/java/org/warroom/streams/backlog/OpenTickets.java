package org.warroom.streams.backlog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.streams.support.Times;

/**
 * The open tickets of every district × department ({@code group}) with their counters, each change in O(1) store
 * operations (plus one seek for the oldest):
 *
 * <ul>
 *   <li>{@code backlog-open}: {@code group|ticket} → the open ticket, its SLA deadline and whether it is overdue;</li>
 *   <li>{@code backlog-open-since}: {@code group|sortable openSince|ticket} → openSince, whose first entry per group is
 *       the oldest open ticket (same instant: the lowest ticket id);</li>
 *   <li>{@code backlog-counts}: {@code group} → open, overdue, oldest;</li>
 *   <li>{@code backlog-deadlines} ({@link SlaDeadlines}): the deadlines of the open tickets not yet overdue.</li>
 * </ul>
 *
 * A ticket breaches when {@code now − openSince > sla(category)}, i.e. when its deadline is before {@code now}.
 */
final class OpenTickets {
    private static final StringSerializer KEYS = new StringSerializer();

    private final Function<String, Duration> slaOf;
    private final KeyValueStore<String, OpenTicket> open;
    private final KeyValueStore<String, OffsetDateTime> openSince;
    private final KeyValueStore<String, BacklogCounts> counts;
    private final SlaDeadlines deadlines;

    OpenTickets(Function<String, Duration> slaOf, KeyValueStore<String, OpenTicket> open, KeyValueStore<String, OffsetDateTime> openSince,
                KeyValueStore<String, BacklogCounts> counts, KeyValueStore<String, TicketRef> deadlines) {
        this.slaOf = slaOf;
        this.open = open;
        this.openSince = openSince;
        this.counts = counts;
        this.deadlines = new SlaDeadlines(deadlines);
    }

    /** The counters of {@code group}. */
    BacklogCounts counts(String group) {
        return Objects.requireNonNullElse(counts.get(group), BacklogCounts.NONE);
    }

    /** Counts the tickets whose deadline passed before {@code now} as overdue (in every group). */
    void markOverdue(long now) {
        for (TicketRef due : deadlines.takeDue(now)) {
            OpenTicket ticket = open.get(due.openKey());
            if (ticket != null && !ticket.overdue()) {
                open.put(due.openKey(), ticket.asOverdue());
                counts.put(due.group(), counts(due.group()).plusOverdue());
            }
        }
    }

    /**
     * Gives every open ticket the deadline of the SLA in force now ({@code openSince + sla(category)}): after an
     * administrator changed {@code sla.<category>}, tickets already open follow it — lowered, a ticket past the new
     * deadline counts as a breach at once; raised, a breach within the new deadline is one no more. Reads every open
     * ticket of the task once (a change of the SLA is rare); returns how many changed.
     */
    int redeadline(long now) {
        List<KeyValue<String, OpenTicket>> changed = new ArrayList<>();
        try (KeyValueIterator<String, OpenTicket> all = open.all()) {
            while (all.hasNext()) {
                KeyValue<String, OpenTicket> e = all.next();
                OpenTicket t = e.value;
                long deadline = Times.millis(t.openSince()) + slaOf.apply(t.category()).toMillis();
                if (deadline != t.deadline()) {
                    changed.add(KeyValue.pair(e.key, t));
                }
            }
        }
        for (KeyValue<String, OpenTicket> e : changed) {
            OpenTicket t = e.value;
            String group = e.key.substring(0, e.key.length() - t.ticket().length() - 1);
            TicketRef ref = new TicketRef(group, t.ticket());
            long deadline = Times.millis(t.openSince()) + slaOf.apply(t.category()).toMillis();
            boolean overdue = deadline < now;
            if (!t.overdue()) {
                deadlines.remove(t.deadline(), ref);
            }
            if (!overdue) {
                deadlines.add(deadline, ref);
            }
            open.put(e.key, new OpenTicket(t.ticket(), t.category(), t.openSince(), deadline, overdue));
            if (overdue != t.overdue()) {
                counts.put(group, overdue ? counts(group).plusOverdue() : counts(group).minusOverdue());
            }
        }
        return changed.size();
    }

    /** Applies a ticket's new standing in {@code group}; call {@link #markOverdue} with the same {@code now} first. */
    void apply(String group, TicketChange change, long now) {
        TicketRef ref = new TicketRef(group, change.ticket());
        OpenTicket before = open.get(ref.openKey());
        if (before != null && change.open() && before.openSince().equals(change.openSince())
                && Objects.equals(before.category(), change.category())) {
            return;
        }
        BacklogCounts next = counts(group);
        if (before != null) {
            open.delete(ref.openKey());
            openSince.delete(openSinceKey(ref, before.openSince()));
            if (!before.overdue()) {
                deadlines.remove(before.deadline(), ref);
            }
            next = next.minus(before);
        }
        if (change.open()) {
            long deadline = Times.millis(change.openSince()) + slaOf.apply(change.category()).toMillis();
            OpenTicket after = new OpenTicket(change.ticket(), change.category(), change.openSince(), deadline,
                    deadline < now);
            open.put(ref.openKey(), after);
            openSince.put(openSinceKey(ref, after.openSince()), after.openSince());
            if (!after.overdue()) {
                deadlines.add(deadline, ref);
            }
            next = next.plus(after);
        }
        if (before != null || change.open()) {
            counts.put(group, next.withOldest(oldest(group)));
        }
    }

    private OffsetDateTime oldest(String group) {
        try (KeyValueIterator<String, OffsetDateTime> first = openSince.prefixScan(group + "|", KEYS)) {
            return first.hasNext() ? first.next().value : null;
        }
    }

    private static String openSinceKey(TicketRef ref, OffsetDateTime since) {
        return ref.group() + "|" + Times.sortable(Times.millis(since)) + "|" + ref.ticket();
    }

}
