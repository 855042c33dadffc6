package org.warroom.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values: the only place a topic's name and types are written.
 *
 * @param compacted whether the topic keeps only the latest value per key (a table rather than a log)
 * @param retention how long a non-compacted topic keeps records when {@link TopicCreator} creates it
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted, Retention retention) {

    /** A topic with the broker's default retention. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
        this(name, keySerde, valueSerde, compacted, Retention.BROKER_DEFAULT);
    }

    /** Which configured retention a topic is created with ({@code retention.ms}). */
    public enum Retention {
        /** The broker's {@code log.retention.*} (results, reports: nothing personal, nothing to keep for long). */
        BROKER_DEFAULT,
        /** {@code personal.data.retention} (default 90 days): feeds holding phone numbers, names, message text. */
        PERSONAL_DATA,
        /** {@code audit.retention} (default 365 days): the audit log, kept longer than what it audits. */
        AUDIT
    }
}
