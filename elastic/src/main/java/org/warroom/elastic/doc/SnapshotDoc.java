package org.warroom.elastic.doc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One change of one live result (family {@code snapshots}, id = {@code kind|key@epochMillis}): the result record as
 * it was at {@code at} (the result record's Kafka timestamp), under {@code value}. {@code district} is copied to the
 * top for scoping (null for state-wide results such as call load).
 *
 * @param kind one of {@link #SHORTAGE}, {@link #BACKLOG}, {@link #CALL_LOAD}, {@link #WORKER_DISTRIBUTION},
 *             {@link #WORKER_TOTALS}, {@link #RATING}, {@link #UNLOCATED_MESSAGES}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotDoc(String kind, String key, Instant at, String district, JsonNode value) {
    public static final String SHORTAGE = "shortage";
    public static final String BACKLOG = "backlog";
    public static final String CALL_LOAD = "call-load";
    public static final String WORKER_DISTRIBUTION = "worker-distribution";
    public static final String WORKER_TOTALS = "worker-totals";
    public static final String RATING = "rating";
    public static final String UNLOCATED_MESSAGES = "unlocated-messages";

    public static String id(String kind, String key, Instant at) {
        return kind + "|" + key + "@" + at.toEpochMilli();
    }

    public String id() {
        return id(kind, key, at);
    }
}
