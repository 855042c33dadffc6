package org.warroom.streams.calls;

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
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.result.LineLoad;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.Times;

/**
 * Keyed by line: keeps every call of the line that is in progress (or recently finished, to absorb late steps) and
 * emits a {@link LineLoad} whenever it changes. A step is applied by what it says, whatever the order of arrival:
 * an {@code ended} that arrives before its {@code started} leaves the call finished. The wall-clock punctuator
 * expires calls in progress with no step for {@code calls.stuck.after}, forgets finished calls after the same time,
 * lets {@code perMinute} fall, and announces configured lines that have had no call yet.
 */
final class CallLoadProcessor implements Processor<String, CallStep, String, LineLoad> {
    private final Rules rules;
    private ProcessorContext<String, LineLoad> context;
    private KeyValueStore<String, CallState> calls;
    private KeyValueStore<String, LineCounters> lines;
    private KeyValueStore<String, LineLoad> results;

    CallLoadProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, LineLoad> context) {
        this.context = context;
        this.calls = context.getStateStore(CallLoadTopology.CALL_STORE);
        this.lines = context.getStateStore(CallLoadTopology.LINE_STORE);
        this.results = context.getStateStore(CallLoadTopology.RESULT_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, CallStep> record) {
        CallStep step = record.value();
        String line = record.key();
        String key = line + "|" + step.call();
        long now = context.currentSystemTimeMs();
        long at = Times.millis(step.at());
        CallState state = calls.get(key);
        if (state == null) {
            state = new CallState(step.call(), line, 0, 0, 0, 0, false, List.of());
        } else if (state.stepIds().contains(step.id())) {
            return;
        }
        long started = state.startedAt();
        long answered = state.answeredAt();
        long ended = state.endedAt();
        switch (step.event()) {
            case STARTED -> started = started == 0 ? at : Math.min(started, at);
            case ANSWERED -> answered = answered == 0 ? at : Math.min(answered, at);
            case ENDED, ABANDONED -> ended = ended == 0 ? at : Math.min(ended, at);
        }
        List<String> ids = new ArrayList<>(state.stepIds());
        ids.add(step.id());
        if (ids.size() > CallState.REMEMBERED_STEPS) {
            ids = ids.subList(ids.size() - CallState.REMEMBERED_STEPS, ids.size());
        }
        CallState next = new CallState(step.call(), line, started, answered, ended, Math.max(state.lastStepAt(), at),
                state.expired(), ids);
        calls.put(key, next);
        LineCounters counters = Objects.requireNonNullElse(lines.get(line), LineCounters.empty());
        if (step.event() == org.warroom.contracts.event.CallEventType.STARTED) {
            long window = rules.calls().rateWindow().toMillis();
            lines.put(line, new LineCounters(counters.starts().add(step.call(), at, now, window), counters.expired()));
        }
        emit(line, now);
    }

    private void punctuate(long now) {
        long stuck = rules.calls().stuckAfter().toMillis();
        long window = rules.calls().rateWindow().toMillis();
        List<KeyValue<String, CallState>> expire = new ArrayList<>();
        List<String> forget = new ArrayList<>();
        try (KeyValueIterator<String, CallState> all = calls.all()) {
            while (all.hasNext()) {
                KeyValue<String, CallState> entry = all.next();
                CallState c = entry.value;
                if (now - c.lastStepAt() > stuck) {
                    if (c.inProgress()) {
                        expire.add(entry);
                    } else {
                        forget.add(entry.key);
                    }
                }
            }
        }
        Set<String> touched = new LinkedHashSet<>(rules.calls().capacities().keySet());
        for (KeyValue<String, CallState> entry : expire) {
            CallState c = entry.value;
            calls.put(entry.key, new CallState(c.call(), c.line(), c.startedAt(), c.answeredAt(), c.endedAt(),
                    c.lastStepAt(), true, c.stepIds()));
            LineCounters counters = Objects.requireNonNullElse(lines.get(c.line()), LineCounters.empty());
            lines.put(c.line(), new LineCounters(counters.starts(), counters.expired() + 1));
        }
        forget.forEach(calls::delete);
        List<KeyValue<String, LineCounters>> pruned = new ArrayList<>();
        try (KeyValueIterator<String, LineCounters> all = lines.all()) {
            while (all.hasNext()) {
                KeyValue<String, LineCounters> entry = all.next();
                touched.add(entry.key);
                LineCounters p = new LineCounters(entry.value.starts().pruned(now, window), entry.value.expired());
                if (!p.equals(entry.value)) {
                    pruned.add(KeyValue.pair(entry.key, p));
                }
            }
        }
        pruned.forEach(e -> lines.put(e.key, e.value));
        for (String line : touched) {
            emit(line, now);
        }
    }

    private void emit(String line, long now) {
        int inProgress = 0;
        int waiting = 0;
        try (KeyValueIterator<String, CallState> all = calls.prefixScan(line + "|", new StringSerializer())) {
            while (all.hasNext()) {
                CallState c = all.next().value;
                if (c.inProgress()) {
                    inProgress++;
                }
                if (c.waiting()) {
                    waiting++;
                }
            }
        }
        LineCounters counters = Objects.requireNonNullElse(lines.get(line), LineCounters.empty());
        int capacity = rules.calls().capacityOf(line);
        LineLoad load = new LineLoad(line, inProgress, capacity, waiting,
                counters.starts().count(now, rules.calls().rateWindow().toMillis()),
                capacity == 0 ? 0 : (double) inProgress / capacity, counters.expired());
        if (!load.equals(results.get(line))) {
            results.put(line, load);
            context.forward(new Record<>(line, load, now));
        }
    }
}
