package org.warroom.streams.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.AlertState;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.Times;
import org.warroom.streams.support.TraceCarry;

/**
 * Keyed by condition ({@code rule|subject}): turns observations into alert episodes and acknowledgements into
 * acknowledged alerts; the wall-clock punctuator re-evaluates time-dependent conditions (stale reports, predicted
 * stock-outs) and repeats and escalates unacknowledged alerts.
 *
 * <ul>
 *   <li>Raise: no open alert and the value reaches the threshold → a new alert, id
 *       {@code rule|subject|raisedAtEpochMillis}, level 1, state active.</li>
 *   <li>Clear (hysteresis): an open alert clears only once the value is past the threshold by the margin
 *       {@code alert.hysteresis} (higher-is-worse: below T·(1−h); lower-is-worse: at or above T·(1+h)); values in
 *       between change nothing, so a wobbling value does not flap.</li>
 *   <li>Escalate: while active (unacknowledged), level = 1 + the number of {@code alert.escalation.after} durations
 *       elapsed since raised; repeat: re-notified every {@code alert.repeat.interval} since the last notification.</li>
 *   <li>Acknowledge: an ack naming the current open alert's id makes it acknowledged (who, when, comment) and stops
 *       repeats and escalation; acks of other ids (old episodes, unknown) are ignored.</li>
 * </ul>
 * Every change of an alert is forwarded, keyed by alert id; observations that change nothing emit nothing.
 */
final class AlertProcessor implements Processor<String, AlertInput, String, Alert> {
    /** Results forwarded while handling an input carry its correlation id (docs/LOGGING.md). */
    private final TraceCarry trace = new TraceCarry();
    private static final Logger LOG = LoggerFactory.getLogger(AlertProcessor.class);

    private final Rules rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, ConditionState> conditions;

    AlertProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.conditions = context.getStateStore(AlertTopology.CONDITION_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, AlertInput> record) {
        trace.during(record, () -> handle(record));
    }

    private void handle(Record<String, AlertInput> record) {
        AlertInput input = record.value();
        if (input == null) {
            return;
        }
        long now = context.currentSystemTimeMs();
        for (Observation observation : input.observations()) {
            String condition = observation.condition();
            ConditionState state = conditions.get(condition);
            Observation o = observation;
            if (o.kind() == Observation.Kind.HOURS_SINCE && state != null && state.observation() != null
                    && state.observation().reference() != null
                    && (o.reference() == null || state.observation().reference() > o.reference())) {
                o = state.observation(); // the district's latest report counts, whichever commodity it came with
            }
            evaluate(condition, new ConditionState(o, state == null ? null : state.alert()), state, now);
        }
        if (input.ack() != null) {
            String condition = Alert.conditionOf(input.ack().alertId());
            acknowledge(condition, conditions.get(condition), input.ack(), now);
        }
    }

    private void acknowledge(String condition, ConditionState state, AlertAck ack, long now) {
        Alert alert = state == null ? null : state.alert();
        if (alert == null || !alert.id().equals(ack.alertId()) || alert.state() != AlertState.ACTIVE) {
            LOG.info("ignoring acknowledgement of {} by {}: not an active alert", ack.alertId(), ack.by());
            return;
        }
        Alert acked = new Alert(alert.id(), alert.rule(), alert.district(), alert.commodity(), alert.severity(),
                AlertState.ACKNOWLEDGED, alert.raisedAt(), ack.by(),
                ack.at() != null ? ack.at() : Times.at(now, rules.zone()), null, alert.subject(), alert.level(),
                alert.value(), alert.threshold(), alert.message(), ack.comment(), alert.notifiedAt(), alert.repeats(),
                alert.messageHi());
        save(condition, new ConditionState(state.observation(), acked), state);
        context.forward(trace.record(acked.id(), acked, now));
    }

    private void punctuate(long now) {
        List<KeyValue<String, ConditionState>> due = new ArrayList<>();
        try (KeyValueIterator<String, ConditionState> all = conditions.all()) {
            while (all.hasNext()) {
                KeyValue<String, ConditionState> entry = all.next();
                ConditionState s = entry.value;
                if ((s.alert() != null && s.alert().open()) || (s.observation() != null && s.observation().timeDependent())) {
                    due.add(entry);
                }
            }
        }
        for (KeyValue<String, ConditionState> entry : due) {
            evaluate(entry.key, entry.value, entry.value, now);
        }
    }

    /**
     * Applies the rule to the condition's latest observation at {@code now}, saves what changed against {@code stored}
     * (as the caller just read it), and forwards any change.
     */
    private void evaluate(String condition, ConditionState state, ConditionState stored, long now) {
        Observation o = state.observation();
        Alert alert = state.alert();
        Alert next = alert;
        if (o != null) {
            double value = o.valueAt(now);
            double t = o.threshold();
            double h = rules.alerts().hysteresis();
            boolean breached = o.higherIsWorse() ? value >= t : value < t;
            boolean recovered = o.higherIsWorse() ? value < t * (1 - h) : value >= t * (1 + h);
            if (alert == null || !alert.open()) {
                if (breached) {
                    next = raise(o, value, now);
                }
            } else if (recovered) {
                next = with(alert, AlertState.CLEARED, alert.level(), value, Times.at(now, rules.zone()),
                        alert.notifiedAt(), alert.repeats());
            } else if (alert.state() == AlertState.ACTIVE) {
                next = escalateOrRepeat(alert, o, value, now);
            }
        } else if (alert != null && alert.state() == AlertState.ACTIVE) {
            next = escalateOrRepeat(alert, null, alert.value(), now);
        }
        save(condition, new ConditionState(o, next), stored);
        if (next != null && !next.equals(alert)) {
            context.forward(trace.record(next.id(), next, now));
        }
    }

    private Alert raise(Observation o, double value, long now) {
        return AlertRules.worded(new Alert(o.condition() + "|" + now, o.rule(), o.district(), o.commodity(), o.severity(),
                AlertState.ACTIVE, Times.at(now, rules.zone()), null, null, null, o.subject(), 1, value,
                o.threshold(), null, null, Times.at(now, rules.zone()), 0));
    }

    private Alert escalateOrRepeat(Alert alert, Observation o, double value, long now) {
        long raised = Times.millis(alert.raisedAt());
        int level = 1;
        for (Duration after : rules.alerts().escalationAfter()) {
            if (now - raised >= after.toMillis()) {
                level++;
            }
        }
        if (level > alert.level()) {
            return with(alert, AlertState.ACTIVE, level, value, null, Times.at(now, rules.zone()), alert.repeats());
        }
        if (now - Times.millis(alert.notifiedAt()) >= rules.alerts().repeatInterval().toMillis()) {
            return with(alert, AlertState.ACTIVE, level, value, null, Times.at(now, rules.zone()), alert.repeats() + 1);
        }
        return alert;
    }

    /** The alert in a new state, with its words rendered for its new values. */
    private static Alert with(Alert a, AlertState state, int level, double value,
                              java.time.OffsetDateTime clearedAt, java.time.OffsetDateTime notifiedAt, int repeats) {
        return AlertRules.worded(new Alert(a.id(), a.rule(), a.district(), a.commodity(), a.severity(), state,
                a.raisedAt(), a.ackBy(), a.ackAt(), clearedAt, a.subject(), level, value, a.threshold(), null,
                a.ackComment(), notifiedAt, repeats));
    }

    /**
     * Keeps what the condition needs: value conditions with no open alert need nothing until the next observation.
     * Writes only a change: every write is also a changelog record, and deleting a condition that was never stored
     * (most observations: a value within its threshold) wrote a tombstone each time — a third of all changelog bytes.
     */
    private void save(String condition, ConditionState state, ConditionState stored) {
        boolean needed = (state.alert() != null && state.alert().open())
                || (state.observation() != null && state.observation().timeDependent());
        if (needed && !state.equals(stored)) {
            conditions.put(condition, state);
        } else if (!needed && stored != null) {
            conditions.delete(condition);
        }
    }
}
