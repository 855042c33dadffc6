package org.warroom.streams.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.StoreSupport;

/**
 * Threshold alerts over the results.
 *
 * <ul>
 *   <li>In: the result streams of shortages ({@code district|commodity} → {@link ShortageStatus}), backlogs
 *       ({@code district|department} → {@link BacklogStatus}), call load (line → {@link LineLoad}), unlocated
 *       messages ({@code all} → {@link UnlocatedMessages}), directives ({@code warroom.directives}, id →
 *       {@code Directive}: rule {@code overdue-directive}), complaints ({@code warroom.complaints}, number →
 *       {@code Complaint}: rule {@code complaint-escalated}), turned into observations by {@link AlertRules}; and
 *       {@code warroom.alert-acks} (alert id → {@code AlertAck}).</li>
 *   <li>Through: repartition topic {@value #REPARTITION} keyed by route ({@link AlertInput#routeOf}: the district,
 *       line or {@code all} that the condition {@code rule|subject} is about; an ack's condition is its alert id
 *       without the trailing {@code |raisedAt}), one record per result and route carrying all its observations;
 *       {@link AlertProcessor} with store {@value #CONDITION_STORE} (keyed by condition).</li>
 *   <li>Out: {@code warroom.alerts} (alert id → {@link Alert}), every change.</li>
 * </ul>
 */
public final class AlertTopology {
    public static final String REPARTITION = "alert-input";
    public static final String CONDITION_STORE = "alert-conditions";

    private AlertTopology() {
    }

    public static KStream<String, Alert> build(Sources sources, Rules rules, KStream<String, ShortageStatus> shortages,
                                               KStream<String, BacklogStatus> backlogs, KStream<String, LineLoad> lineLoad,
                                               KStream<String, UnlocatedMessages> unlocated) {
        return build(sources, rules, LiveSettings.fixed(rules), shortages, backlogs, lineLoad, unlocated);
    }

    /** The alerts with the rules' thresholds in force in {@code settings} when each result is observed. */
    public static KStream<String, Alert> build(Sources sources, Rules rules, LiveSettings settings,
                                               KStream<String, ShortageStatus> shortages,
                                               KStream<String, BacklogStatus> backlogs, KStream<String, LineLoad> lineLoad,
                                               KStream<String, UnlocatedMessages> unlocated) {
        StoreSupport.addStore(sources.builder(), CONDITION_STORE, ConditionState.class);
        AlertRules alertRules = new AlertRules(rules, settings);

        KStream<String, AlertInput> observations = shortages
                .flatMap((k, v) -> observe(alertRules.fromShortage(v)), Named.as("alert-observe-shortages"))
                .merge(backlogs.flatMap((k, v) -> observe(alertRules.fromBacklog(v)), Named.as("alert-observe-backlogs")),
                        Named.as("alert-merge-backlogs"))
                .merge(lineLoad.flatMap((k, v) -> observe(alertRules.fromLineLoad(v)), Named.as("alert-observe-lines")),
                        Named.as("alert-merge-lines"))
                .merge(unlocated.flatMap((k, v) -> observe(alertRules.fromUnlocated(v)), Named.as("alert-observe-unlocated")),
                        Named.as("alert-merge-unlocated"))
                .merge(sources.stream(DirectiveTopics.DIRECTIVES)
                                .flatMap((k, v) -> observe(alertRules.fromDirective(v)), Named.as("alert-observe-directives")),
                        Named.as("alert-merge-directives"))
                .merge(sources.stream(ComplaintTopics.COMPLAINTS)
                                .flatMap((k, v) -> observe(alertRules.fromComplaint(v)), Named.as("alert-observe-complaints")),
                        Named.as("alert-merge-complaints"));
        KStream<String, AlertInput> acks = sources.stream(ResultTopics.ALERT_ACKS)
                .filter((id, ack) -> ack != null && ack.alertId() != null, Named.as("alert-acks-valid"))
                .map((id, ack) -> KeyValue.pair(AlertInput.routeOf(Alert.conditionOf(ack.alertId())), new AlertInput(null, ack)),
                        Named.as("alert-acks-by-condition"));

        KStream<String, Alert> alerts = observations
                .merge(acks, Named.as("alert-merge-acks"))
                // Why: an alert's observations and its acknowledgements must meet in the task that owns its state.
                // Routed by district (or line), not by condition: one record per result instead of one per rule.
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(AlertInput.class)).withName(REPARTITION))
                .process(() -> new AlertProcessor(rules), Named.as("alert-processor"), CONDITION_STORE);
        Sources.to(alerts, ResultTopics.ALERTS);
        return alerts;
    }

    private static Iterable<KeyValue<String, AlertInput>> observe(List<Observation> observations) {
        Map<String, List<Observation>> byRoute = new LinkedHashMap<>();
        for (Observation o : observations) {
            byRoute.computeIfAbsent(AlertInput.routeOf(o.condition()), r -> new ArrayList<>()).add(o);
        }
        List<KeyValue<String, AlertInput>> out = new ArrayList<>(byRoute.size());
        byRoute.forEach((route, list) -> out.add(KeyValue.pair(route, new AlertInput(list, null))));
        return out;
    }
}
