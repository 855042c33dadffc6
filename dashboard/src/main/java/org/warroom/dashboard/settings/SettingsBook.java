package org.warroom.dashboard.settings;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsSnapshot;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.dashboard.http.ApiError;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The run-time settings as this dashboard instance knows them: a view of the compacted topic
 * {@link SettingsTopics#SETTINGS} (every instance reads it whole and follows it), and the writer of changes. Runs on
 * the event loop. A change is refused (409) while another change of the same setting is on its way to Kafka here, or
 * when the caller's version is not the current one.
 */
public final class SettingsBook {
    private final TopicWriter writer;
    private final Set<String> writing = new HashSet<>();
    private volatile SettingsSnapshot current = SettingsSnapshot.EMPTY;
    private CompactedReader reader;

    public SettingsBook(TopicWriter writer) {
        this.writer = writer;
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-settings-" + instance,
                List.of(SettingsTopics.SETTINGS.name()), (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        current = current.without(key);
                    } else {
                        SettingValue v = SettingsTopics.SETTINGS.valueSerde().deserializer().deserialize(topic, value);
                        if (v != null && v.key() != null && v.topicKey().equals(key)) {
                            current = current.with(v);
                        }
                    }
                });
        return reader.start();
    }

    public SettingsSnapshot current() {
        return current;
    }

    /** The version of the value set exactly for {@code key} and {@code district}; 0 when none was. */
    public long versionOf(String key, String district) {
        return current.exactly(key, district).map(SettingValue::version).orElse(0L);
    }

    /**
     * Claims the right to change one setting until {@link #save} completes; fails with 409 when another change of
     * it is under way, or when {@code expectedVersion} (if given) is not the current version.
     */
    public void claim(String key, String district, Long expectedVersion) {
        String topicKey = SettingValue.topicKey(key, district);
        if (writing.contains(topicKey)) {
            throw ApiError.conflict("another change of " + topicKey + " is being saved; reload and try again");
        }
        long now = versionOf(key, district);
        if (expectedVersion != null && expectedVersion != now) {
            throw ApiError.conflict("version " + expectedVersion + " of " + topicKey + " is not the current one ("
                    + now + "): someone changed it meanwhile; reload and try again");
        }
        writing.add(topicKey);
    }

    /** Releases a claim without saving (the change was not made). */
    public void release(String key, String district) {
        writing.remove(SettingValue.topicKey(key, district));
    }

    /** Writes the change; completes once Kafka has it, when this instance follows it at once. Releases the claim. */
    public Future<SettingValue> save(SettingValue value) {
        return writer.write(SettingsTopics.SETTINGS, value.topicKey(), value)
                .map(meta -> {
                    current = current.with(value);
                    return value;
                })
                .andThen(x -> writing.remove(value.topicKey()));
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
