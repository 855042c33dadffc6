package org.warroom.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with the serdes of its keys and values: the only place a topic's name and types are written.
 *
 * @param compacted whether the topic keeps only the latest value per key (a table rather than a log)
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
}
