package org.warroom.streams.support;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.common.utils.Bytes;
import org.warroom.contracts.topic.Topic;

/**
 * The topology's input streams, each topic subscribed once however many topologies read it (Kafka Streams allows
 * one source per topic), with serdes from the {@link Topic} declaration only.
 */
public final class Sources {
    private final StreamsBuilder builder;
    private final Map<String, KStream<?, ?>> streams = new HashMap<>();
    private final Map<String, KTable<?, ?>> tables = new HashMap<>();

    public Sources(StreamsBuilder builder) {
        this.builder = builder;
    }

    public StreamsBuilder builder() {
        return builder;
    }

    /** The stream of {@code topic} (source node {@code source-<topic>}). */
    @SuppressWarnings("unchecked")
    public <K, V> KStream<K, V> stream(Topic<K, V> topic) {
        return (KStream<K, V>) streams.computeIfAbsent(topic.name(), name -> builder.stream(name,
                Consumed.with(topic.keySerde(), topic.valueSerde()).withName("source-" + name)));
    }

    /** The table of a compacted {@code topic}, materialized as {@code storeName}. */
    @SuppressWarnings("unchecked")
    public <K, V> KTable<K, V> table(Topic<K, V> topic, String storeName) {
        return (KTable<K, V>) tables.computeIfAbsent(topic.name(), name -> builder.table(name,
                Consumed.with(topic.keySerde(), topic.valueSerde()).withName("source-" + name),
                Materialized.<K, V, KeyValueStore<Bytes, byte[]>>as(storeName)
                        .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde())));
    }

    /** Writes {@code stream} to {@code topic} (sink node {@code sink-<topic>}). */
    public static <K, V> void to(KStream<K, V> stream, Topic<K, V> topic) {
        to(stream, topic, "sink-" + topic.name());
    }

    /** Writes {@code stream} to {@code topic} through a sink node of the given name (for a second writer of a topic). */
    public static <K, V> void to(KStream<K, V> stream, Topic<K, V> topic, String sinkName) {
        stream.to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(sinkName));
    }
}
