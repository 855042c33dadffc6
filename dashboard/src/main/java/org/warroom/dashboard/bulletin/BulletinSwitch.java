package org.warroom.dashboard.bulletin;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The bulletin's on/off switch: a view of the compacted topic {@link BulletinTopics#SWITCH} (so that every dashboard
 * instance, and the next start, follows the administrator's last choice), the configured default until then.
 */
public final class BulletinSwitch {
    private final TopicWriter writer;
    private volatile BulletinSwitchState state;
    private CompactedReader reader;

    public BulletinSwitch(TopicWriter writer, boolean enabledByDefault) {
        this.writer = writer;
        this.state = new BulletinSwitchState(enabledByDefault, null, null);
    }

    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-bulletin-" + instance,
                List.of(BulletinTopics.SWITCH.name()), (topic, key, value, partition, offset) -> {
                    if (BulletinSwitchState.KEY.equals(key) && value != null) {
                        state = BulletinTopics.SWITCH.valueSerde().deserializer().deserialize(topic, value);
                    }
                });
        return reader.start();
    }

    public BulletinSwitchState state() {
        return state;
    }

    public boolean enabled() {
        return state.enabled();
    }

    /** Stores the new state; completes once it is in Kafka (then this instance follows it at once). */
    public Future<BulletinSwitchState> set(BulletinSwitchState next) {
        return writer.write(BulletinTopics.SWITCH, BulletinSwitchState.KEY, next).map(meta -> {
            state = next;
            return next;
        });
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
