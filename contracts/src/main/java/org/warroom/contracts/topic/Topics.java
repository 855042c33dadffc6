package org.warroom.contracts.topic;

import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.access.ApiKeyGrant;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.json.JsonSerde;

/**
 * Every topic of warroom, declared once. See {@code docs/TOPICS.md} for who writes and who reads each one.
 * Feed topics are written by ingest; result topics by streams.
 */
public final class Topics {
    private static final Serde<String> KEY = Serdes.String();

    /** Call steps, keyed by call id. */
    public static final Topic<String, CallStep> CALLS = personalFeed("warroom.calls", CallStep.class);
    /** Complaint ticket steps, keyed by ticket id. */
    public static final Topic<String, TicketStep> TICKETS = personalFeed("warroom.tickets", TicketStep.class);
    /** Citizen messages, keyed by message id. */
    public static final Topic<String, CitizenMessage> MESSAGES = personalFeed("warroom.messages", CitizenMessage.class);
    /** District stock reports, keyed by district code. */
    public static final Topic<String, DistrictReport> REPORTS = feed("warroom.reports", DistrictReport.class);
    /** Worker registry records, keyed by worker id; compacted (the latest record per worker is the registry). */
    public static final Topic<String, WorkerRecord> WORKERS =
            new Topic<>("warroom.workers", KEY, JsonSerde.of(WorkerRecord.class), true);
    /** Ingest API keys (hashes only), keyed by key id; compacted. */
    public static final Topic<String, ApiKeyGrant> API_KEYS =
            new Topic<>("warroom.apikeys", KEY, JsonSerde.of(ApiKeyGrant.class), true);
    /** Rejected input of every stage, keyed by feed. */
    public static final Topic<String, DeadLetter> DEAD_LETTER = personalFeed("warroom.deadletter", DeadLetter.class);

    private Topics() {
    }

    /**
     * The non-compacted feed topics that hold personal data (callers' and senders' phone numbers, names, message
     * text, rejected raw lines): created with {@code retention.ms} = {@code personal.data.retention}. The worker
     * registry ({@link #WORKERS}) is compacted — its current record per worker is kept until a tombstone erases it.
     */
    public static List<Topic<?, ?>> personalData() {
        return feeds().stream().filter(t -> t.retention() == Topic.Retention.PERSONAL_DATA).toList();
    }

    /** The topics ingest writes (and streams and the indexer read). */
    public static List<Topic<?, ?>> feeds() {
        return List.of(CALLS, TICKETS, MESSAGES, REPORTS, WORKERS, API_KEYS, DEAD_LETTER);
    }

    private static <V> Topic<String, V> feed(String name, Class<V> type) {
        return new Topic<>(name, KEY, JsonSerde.of(type), false);
    }

    private static <V> Topic<String, V> personalFeed(String name, Class<V> type) {
        return new Topic<>(name, KEY, JsonSerde.of(type), false, Topic.Retention.PERSONAL_DATA);
    }
}
