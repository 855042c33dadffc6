package org.warroom.streams.backlog;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * Stage 2 of backlogs, keyed {@code district|department}: keeps the open tickets and the hour's arrivals and
 * resolutions, and emits a {@link BacklogStatus} whenever it changes: on every ticket change, and on the wall-clock
 * punctuator (SLA breaches happen with time, not with events; the hour's counts fall as time passes).
 */
final class BacklogProcessor implements Processor<String, TicketChange, String, BacklogStatus> {
    private final Rules rules;
    private ProcessorContext<String, BacklogStatus> context;
    private KeyValueStore<String, OpenTicket> open;
    private KeyValueStore<String, Flow> flows;
    private KeyValueStore<String, BacklogStatus> results;

    BacklogProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, BacklogStatus> context) {
        this.context = context;
        this.open = context.getStateStore(BacklogTopology.OPEN_STORE);
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
        String ticketKey = key + "|" + change.ticket();
        if (change.open()) {
            open.put(ticketKey, new OpenTicket(change.ticket(), change.category(), change.openSince()));
        } else {
            open.delete(ticketKey);
        }
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
        emit(key, change.district(), change.department(), now);
    }

    private void punctuate(long now) {
        long window = rules.signalWindow().toMillis();
        Set<String> keys = new LinkedHashSet<>();
        List<KeyValue<String, Flow>> pruned = new ArrayList<>();
        try (KeyValueIterator<String, Flow> all = flows.all()) {
            while (all.hasNext()) {
                KeyValue<String, Flow> entry = all.next();
                keys.add(entry.key);
                Flow p = entry.value.pruned(now, window);
                if (!p.equals(entry.value)) {
                    pruned.add(KeyValue.pair(entry.key, p));
                }
            }
        }
        pruned.forEach(e -> flows.put(e.key, e.value));
        try (KeyValueIterator<String, BacklogStatus> all = results.all()) {
            while (all.hasNext()) {
                keys.add(all.next().key);
            }
        }
        for (String key : keys) {
            BacklogStatus last = results.get(key);
            if (last != null) {
                emit(key, last.district(), last.department(), now);
            }
        }
    }

    private void emit(String key, String district, String department, long now) {
        int count = 0;
        int breaches = 0;
        OffsetDateTime oldest = null;
        try (KeyValueIterator<String, OpenTicket> tickets = open.prefixScan(key + "|", new StringSerializer())) {
            while (tickets.hasNext()) {
                OpenTicket ticket = tickets.next().value;
                count++;
                if (oldest == null || ticket.openSince().isBefore(oldest)) {
                    oldest = ticket.openSince();
                }
                if (now - Times.millis(ticket.openSince()) > rules.backlog().slaOf(ticket.category()).toMillis()) {
                    breaches++;
                }
            }
        }
        long window = rules.signalWindow().toMillis();
        Flow flow = Objects.requireNonNullElse(flows.get(key), Flow.empty());
        BacklogStatus status = new BacklogStatus(district, department, count, oldest, breaches,
                flow.opened().count(now, window), flow.resolved().count(now, window), flow.unknownResolves());
        if (!status.equals(results.get(key))) {
            results.put(key, status);
            context.forward(new Record<>(key, status, now));
        }
    }
}
