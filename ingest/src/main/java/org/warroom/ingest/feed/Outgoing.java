package org.warroom.ingest.feed;

import org.warroom.contracts.topic.Topic;

/**
 * One accepted event on its way to Kafka: the topic, the record key, the value, and the district it concerns
 * (checked against the API key's districts; null when it has none) with the field that names it.
 */
public record Outgoing<V>(Topic<String, V> topic, String key, V value, String district, String districtField) {
    public Outgoing(Topic<String, V> topic, String key, V value, String district) {
        this(topic, key, value, district, "district");
    }

    public byte[] keyBytes() {
        return topic.keySerde().serializer().serialize(topic.name(), key);
    }

    public byte[] valueBytes() {
        return topic.valueSerde().serializer().serialize(topic.name(), value);
    }
}
