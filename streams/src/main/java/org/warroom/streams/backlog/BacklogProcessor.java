package org.warroom.streams.backlog;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.Times;

/**
 * Stage 2 of backlogs, keyed {@code district|department}: keeps the open tickets with their counters
 * ({@link OpenTickets}) and the hour's arrivals and resolutions, and emits a {@link BacklogStatus} whenever it
 * changes: on every ticket change, and on the wall-clock punctuator (SLA breaches happen with time, not with events;
 * the hour's counts fall as time passes). Both read counters, never the list of open tickets.
 */
final class BacklogProcessor implements Processor<String, TicketChange, String, BacklogStatus> {
    private final Rules rules;
    private ProcessorContext<String, BacklogStatus> context;
    private OpenTickets openTickets;
    private KeyValueStore<String, Flow> flows;
    private KeyValueStore<String, BacklogStatus> results;

    BacklogProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, BacklogStatus> context) {
        this.context = context;
        this.openTickets = new OpenTickets(rules.backlog(), context.getStateStore(BacklogTopology.OPEN_STORE),
                context.getStateStore(BacklogTopology.OPEN_SINCE_STORE),
                context.getStateStore(BacklogTopology.COUNT_STORE),
                context.getStateStore(BacklogTopology.DEADLINE_STORE));
        this.flows = context.getStateStore(BacklogTopology.FLOW_STORE);
        this.results = context.getStateStore(BacklogTopology.RESULT_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, TicketChange> record) {
        TicketChange change = record.value();
        if (change == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        String key = record.key();
        openTickets.markOverdue(now);
        openTickets.apply(key, change, now);
        long window = rules.signalWindow().toMillis();
        Flow flow = Objects.requireNonNullElse(flows.get(key), Flow.empty()).pruned(now, window);
        long at = Times.millis(change.at());
        if (TicketChange.OPENED.equals(change.flow())) {
            flow = new Flow(flow.opened().add(change.ticket(), at, now, window), flow.resolved(), flow.unknownResolves());
        } else if (TicketChange.RESOLVED.equals(change.flow())) {
            flow = new Flow(flow.opened(), flow.resolved().add(change.ticket(), at, now, window), flow.unknownResolves());
        }
        if (change.anomaly()) {
            flow = new Flow(flow.opened(), flow.resolved(), flow.unknownResolves() + 1);
        }
        flows.put(key, flow);
        emit(key, change.district(), change.department(), flow, results.get(key), now);
    }

    private void punctuate(long now) {
        openTickets.markOverdue(now);
        long window = rules.signalWindow().toMillis();
        Map<String, Flow> current = new HashMap<>();
        try (KeyValueIterator<String, Flow> all = flows.all()) {
            while (all.hasNext()) {
                KeyValue<String, Flow> entry = all.next();
                Flow pruned = entry.value.pruned(now, window);
                current.put(entry.key, pruned);
                if (!pruned.equals(entry.value)) {
                    flows.put(entry.key, pruned);
                }
            }
        }
        Map<String, BacklogStatus> last = new HashMap<>();
        try (KeyValueIterator<String, BacklogStatus> all = results.all()) {
            all.forEachRemaining(entry -> last.put(entry.key, entry.value));
        }
        last.forEach((key, status) -> emit(key, status.district(), status.department(),
                current.getOrDefault(key, Flow.empty()), status, now));
    }

    private void emit(String key, String district, String department, Flow flow, BacklogStatus last, long now) {
        long window = rules.signalWindow().toMillis();
        BacklogCounts counts = openTickets.counts(key);
        BacklogStatus status = new BacklogStatus(district, department, counts.open(), counts.oldest(),
                counts.overdue(), flow.opened().count(now, window), flow.resolved().count(now, window),
                flow.unknownResolves());
        if (!status.equals(last)) {
            results.put(key, status);
            context.forward(new Record<>(key, status, now));
        }
    }
}
