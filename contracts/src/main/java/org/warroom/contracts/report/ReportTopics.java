package org.warroom.contracts.report;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/**
 * The situation reports made on schedule by the dashboard (written there, kept for fetching again) and mailed by the
 * notifier to the distribution list. Compacted: one record per {@link StoredReport#id()}, kept for good.
 */
public final class ReportTopics {
    public static final Topic<String, StoredReport> REPORTS =
            new Topic<>("warroom.situation-reports", Serdes.String(), JsonSerde.of(StoredReport.class), true);

    private ReportTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(REPORTS);
    }
}
