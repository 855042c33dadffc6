package org.warroom.streams.calls;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.Times;

/**
 * Keyed by line: keeps every call of the line that is in progress (or recently finished, to absorb late steps) and
 * emits a {@link LineLoad} when it changes, at most once per {@code calls.emit.interval} per line: a step on a line
 * that was sent less than that long ago leaves the line pending, and the emit punctuator (same interval) sends the
 * pending lines' loads as they are then, so a busy line's many steps a second become a few results with its latest
 * state, and a quiet line's step is sent at once. Pending lines are kept in memory only: after a restart the full
 * sweep below compares every line with its last sent load, so no change stays unsent for longer than that.
 * A step is applied by what it says, whatever the order of arrival: an {@code ended} that arrives before its
 * {@code started} leaves the call finished. The wall-clock punctuator
 * expires calls in progress with no step for {@code calls.stuck.after}, forgets finished calls after the same time,
 * lets {@code perMinute} fall, and re-sends the lines this task has counted calls of. A configured line that has had
 * no call yet is sent when its announcement ({@link LineAnnouncer}) arrives, through the repartition like its calls:
 * only the task owning a line may send it (the others' zero overwrote its count).
 */
final class CallLoadProcessor implements Processor<String, CallStep, String, LineLoad> {
    private static final char SEP = '\u0000';
    private final Rules rules;
    private ProcessorContext<String, LineLoad> context;
    private KeyValueStore<String, CallState> calls;
    private KeyValueStore<String, String> byLastStep;
    private KeyValueStore<String, LineCounters> lines;
    private ExpiringIds starts;
    private KeyValueStore<String, LineLoad> results;
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();

    private final LiveSettings settings;

    CallLoadProcessor(Rules rules, LiveSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, LineLoad> context) {
        this.context = context;
        this.calls = context.getStateStore(CallLoadTopology.CALL_STORE);
        this.byLastStep = context.getStateStore(CallLoadTopology.LAST_STEP_STORE);
        this.lines = context.getStateStore(CallLoadTopology.LINE_STORE);
        this.starts = new ExpiringIds(context, CallLoadTopology.STARTS);
        this.results = context.getStateStore(CallLoadTopology.RESULT_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
        lastSent.clear();
        pending.clear();
        Duration emitInterval = rules.calls().emitInterval();
        if (!emitInterval.isZero()) {
            context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, this::emitPending);
        }
    }

    @Override
    public void process(Record<String, CallStep> record) {
        CallStep step = record.value();
        String line = record.key();
        long now = context.currentSystemTimeMs();
        if (LineAnnouncer.isAnnouncement(step)) {
            emit(line, now); // its load as it is: sent only if it never was
            return;
        }
        String key = line + "|" + step.call();
        long at = Times.millis(step.at());
        CallState before = calls.get(key);
        CallState state = before == null ? new CallState(step.call(), line, 0, 0, 0, 0, false, List.of()) : before;
        if (state.stepIds().contains(step.id())) {
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
        if (before == null || before.lastStepAt() != next.lastStepAt()) {
            if (before != null) {
                byLastStep.delete(lastStepKey(before.lastStepAt(), key));
            }
            byLastStep.put(lastStepKey(next.lastStepAt(), key), key);
        }
        lines.put(line, counters(line).change(before, next));
        long window = rules.calls().rateWindow().toMillis();
        starts.expire(now, window);
        if (step.event() == org.warroom.contracts.event.CallEventType.STARTED) {
            starts.add(line, step.call(), at, now, window);
        }
        Long sent = lastSent.get(line);
        if (sent == null || now - sent >= rules.calls().emitInterval().toMillis()) {
            emit(line, now);
        } else {
            pending.add(line);
        }
    }

    private void emitPending(long now) {
        for (String line : List.copyOf(pending)) {
            emit(line, now); // takes the line off pending
        }
    }

    /**
     * Calls with no step for {@code calls.stuck.after} (found through the index by last step, oldest first): in
     * progress ones expire, finished ones are forgotten; {@code perMinute} falls as starts leave its window.
     */
    private void punctuate(long now) {
        long stuckBefore = now - rules.calls().stuckAfter().toMillis();
        List<KeyValue<String, String>> quiet = new ArrayList<>();
        if (stuckBefore > 0) {
            try (KeyValueIterator<String, String> old = byLastStep.range(null, Times.sortable(stuckBefore - 1) + '\u0001')) {
                old.forEachRemaining(quiet::add);
            }
        }
        for (KeyValue<String, String> entry : quiet) {
            CallState c = calls.get(entry.value);
            if (c != null && c.inProgress()) {
                CallState expired = new CallState(c.call(), c.line(), c.startedAt(), c.answeredAt(), c.endedAt(),
                        c.lastStepAt(), true, c.stepIds());
                calls.put(entry.value, expired);
                lines.put(c.line(), counters(c.line()).change(c, expired));
            } else {
                calls.delete(entry.value);
                byLastStep.delete(entry.key);
            }
        }
        starts.expire(now, rules.calls().rateWindow().toMillis());
        // Only the lines this task counts calls of: a configured line without calls here may be another task's.
        Set<String> touched = new LinkedHashSet<>();
        try (KeyValueIterator<String, LineCounters> all = lines.all()) {
            all.forEachRemaining(e -> touched.add(e.key));
        }
        for (String line : touched) {
            emit(line, now);
        }
    }

    private LineCounters counters(String line) {
        return Objects.requireNonNullElse(lines.get(line), LineCounters.NONE);
    }

    private void emit(String line, long now) {
        LineCounters counters = counters(line);
        int capacity = settings.capacity(line);
        LineLoad load = new LineLoad(line, counters.inProgress(), capacity, counters.waiting(), (int) starts.count(line),
                capacity == 0 ? 0 : (double) counters.inProgress() / capacity, counters.expired());
        pending.remove(line);
        if (!load.equals(results.get(line))) {
            results.put(line, load);
            context.forward(new Record<>(line, load, now));
            lastSent.put(line, now);
        }
    }

    private static String lastStepKey(long at, String callKey) {
        return Times.sortable(at) + SEP + callKey;
    }
}
