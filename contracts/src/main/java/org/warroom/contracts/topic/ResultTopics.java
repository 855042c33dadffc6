package org.warroom.contracts.topic;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertAck;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.result.WorkerTotals;

/**
 * Every result topic, declared once: written by the streams service (except {@link #ALERT_ACKS}, written by the
 * dashboard), read by the dashboard, the indexer and alert delivery. Tables keyed by their natural key are
 * compacted, so a reader that starts from the beginning gets the latest value per key. See {@code docs/TOPICS.md}.
 */
public final class ResultTopics {
    private static final Serde<String> KEY = Serdes.String();

    /** Stock position per district and commodity, keyed {@code district|commodity}. */
    public static final Topic<String, ShortageStatus> SHORTAGES = table("warroom.shortages", ShortageStatus.class);
    /** Open complaints per district and department, keyed {@code district|department}. */
    public static final Topic<String, BacklogStatus> BACKLOGS = table("warroom.backlogs", BacklogStatus.class);
    /** Load per helpline line, keyed by line. */
    public static final Topic<String, LineLoad> CALL_LOAD = table("warroom.call-load", LineLoad.class);
    /** Worker counts per bucket, keyed {@code by|key}. */
    public static final Topic<String, DistributionBucket> WORKER_DISTRIBUTION =
            table("warroom.worker-distribution", DistributionBucket.class);
    /** Registry totals and recent verification, one key {@code all}. */
    public static final Topic<String, WorkerTotals> WORKER_TOTALS = table("warroom.worker-totals", WorkerTotals.class);
    /** District ratings, keyed by district. */
    public static final Topic<String, DistrictRating> RATINGS = table("warroom.ratings", DistrictRating.class);
    /** Unlocated citizen messages in the last hour, one key {@code all}. */
    public static final Topic<String, UnlocatedMessages> UNLOCATED_MESSAGES =
            table("warroom.unlocated-messages", UnlocatedMessages.class);
    /** Alerts, keyed by alert id; every change of an alert is a new record. */
    public static final Topic<String, Alert> ALERTS = table("warroom.alerts", Alert.class);
    /** Acknowledgements of alerts, keyed by alert id; an event log (not compacted). */
    public static final Topic<String, AlertAck> ALERT_ACKS =
            new Topic<>("warroom.alert-acks", KEY, JsonSerde.of(AlertAck.class), false);

    private ResultTopics() {
    }

    /** Every result topic (create them with {@link TopicCreator#ensure}). */
    public static List<Topic<?, ?>> all() {
        return List.of(SHORTAGES, BACKLOGS, CALL_LOAD, WORKER_DISTRIBUTION, WORKER_TOTALS, RATINGS,
                UNLOCATED_MESSAGES, ALERTS, ALERT_ACKS);
    }

    private static <V> Topic<String, V> table(String name, Class<V> type) {
        return new Topic<>(name, KEY, JsonSerde.of(type), true);
    }
}
