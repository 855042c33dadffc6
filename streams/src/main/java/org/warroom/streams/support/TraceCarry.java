package org.warroom.streams.support;

import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.warroom.contracts.trace.TraceIds;

/**
 * Carries the correlation id ({@value TraceIds#KAFKA_HEADER}, docs/LOGGING.md) from the input record a processor
 * is handling to the results it forwards meanwhile. A processor that forwards {@code new Record<>(key, value, ts)}
 * would drop it (a new record has no headers); one that forwards {@link #record} keeps it. Results forwarded from
 * a punctuator (no input record) carry none. Only the correlation id is copied, no other header.
 */
public final class TraceCarry {
    private String current;

    /** Runs {@code work} for {@code input}: what it forwards through {@link #record} carries the input's id. */
    public void during(Record<?, ?> input, Runnable work) {
        current = TraceIds.read(input.headers()).orElse(null);
        try {
            work.run();
        } finally {
            current = null;
        }
    }

    /** A result record, with the correlation id of the input being handled, if any. */
    public <K, V> Record<K, V> record(K key, V value, long timestamp) {
        Optional<String> id = Optional.ofNullable(current);
        if (id.isEmpty()) {
            return new Record<>(key, value, timestamp);
        }
        RecordHeaders headers = new RecordHeaders();
        TraceIds.put(headers, id.get());
        return new Record<>(key, value, timestamp, headers);
    }
}
