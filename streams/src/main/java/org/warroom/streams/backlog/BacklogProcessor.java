package org.warroom.streams.backlog;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.Times;
import org.warroom.streams.support.TraceCarry;

/**
 * Stage 2 of backlogs, keyed {@code district|department}: keeps the open tickets with their counters
 * ({@link OpenTickets}) and the hour's arrivals and resolutions (distinct ticket ids, {@link ExpiringIds}), and emits a {@link BacklogStatus} whenever it
 * changes: on every ticket change, and on the wall-clock punctuator (SLA breaches happen with time, not with events;
 * the hour's counts fall as time passes). Both read counters, never the list of open tickets.
 */
final class BacklogProcessor implements Processor<String, TicketChange, String, BacklogStatus> {
    /** Results forwarded while handling an input carry its correlation id (docs/LOGGING.md). */
    private final TraceCarry trace = new TraceCarry();
    private final Rules rules;
    private ProcessorContext<String, BacklogStatus> context;
    private OpenTickets openTickets;
    private ExpiringIds opened;
    private ExpiringIds resolved;
    private KeyValueStore<String, Integer> unknownResolves;
    private KeyValueStore<String, BacklogStatus> results;

    private final LiveSettings settings;
    /** The SLA per category the open tickets' deadlines were last computed with; null: not yet in this instance. */
    private Map<String, Duration> slaSeen;

    BacklogProcessor(Rules rules, LiveSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, BacklogStatus> context) {
        this.context = context;
        this.openTickets = new OpenTickets(settings::sla, context.getStateStore(BacklogTopology.OPEN_STORE),
                context.getStateStore(BacklogTopology.OPEN_SINCE_STORE),
                context.getStateStore(BacklogTopology.COUNT_STORE),
                context.getStateStore(BacklogTopology.DEADLINE_STORE));
        this.opened = new ExpiringIds(context, BacklogTopology.OPENED);
        this.resolved = new ExpiringIds(context, BacklogTopology.RESOLVED);
        this.unknownResolves = context.getStateStore(BacklogTopology.UNKNOWN_RESOLVES_STORE);
        this.results = context.getStateStore(BacklogTopology.RESULT_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, TicketChange> record) {
        trace.during(record, () -> handle(record));
    }

    private void handle(Record<String, TicketChange> record) {
        TicketChange change = record.value();
        if (change == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        String key = record.key();
        openTickets.markOverdue(now);
        openTickets.apply(key, change, now);
        long window = rules.signalWindow().toMillis();
        opened.expire(now, window);
        resolved.expire(now, window);
        long at = Times.millis(change.at());
        if (TicketChange.OPENED.equals(change.flow())) {
            opened.add(key, change.ticket(), at, now, window);
        } else if (TicketChange.RESOLVED.equals(change.flow())) {
            resolved.add(key, change.ticket(), at, now, window);
        }
        if (change.anomaly()) {
            unknownResolves.put(key, unknownResolves(key) + 1);
        }
        emit(key, change.district(), change.department(), results.get(key), now);
    }

    private void punctuate(long now) {
        Map<String, Duration> sla = slaInForce();
        if (!sla.equals(slaSeen)) { // first punctuation after a start too: a change while stopped counts as well
            openTickets.redeadline(now);
            slaSeen = sla;
        }
        openTickets.markOverdue(now);
        long window = rules.signalWindow().toMillis();
        opened.expire(now, window);
        resolved.expire(now, window);
        Map<String, BacklogStatus> last = new HashMap<>();
        try (KeyValueIterator<String, BacklogStatus> all = results.all()) {
            all.forEachRemaining(entry -> last.put(entry.key, entry.value));
        }
        last.forEach((key, status) -> emit(key, status.district(), status.department(), status, now));
    }

    /** The SLA hours in force per ticket category (docs/SETTINGS.md: open tickets follow a change). */
    private Map<String, Duration> slaInForce() {
        Map<String, Duration> out = new HashMap<>();
        for (String category : TicketCategory.ALL) {
            out.put(category, settings.sla(category));
        }
        return out;
    }

    private int unknownResolves(String key) {
        return Objects.requireNonNullElse(unknownResolves.get(key), 0);
    }

    private void emit(String key, String district, String department, BacklogStatus last, long now) {
        BacklogCounts counts = openTickets.counts(key);
        BacklogStatus status = new BacklogStatus(district, department, counts.open(), counts.oldest(),
                counts.overdue(), (int) opened.count(key), (int) resolved.count(key), unknownResolves(key));
        if (!status.equals(last)) {
            results.put(key, status);
            context.forward(trace.record(key, status, now));
        }
    }
}
