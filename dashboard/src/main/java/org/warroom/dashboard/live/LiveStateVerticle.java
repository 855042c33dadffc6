package org.warroom.dashboard.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Arrays;
import org.warroom.contracts.config.KafkaSettings;

/**
 * Feeds {@link LiveState} from every compacted result topic, read from the beginning (no consumer group: each
 * dashboard instance holds the whole state). Deployment completes once the state is complete.
 */
public final class LiveStateVerticle extends VerticleBase {
    private final KafkaSettings kafka;
    private final LiveState state;
    private final String instance;
    private CompactedReader reader;

    public LiveStateVerticle(KafkaSettings kafka, LiveState state, String instance) {
        this.kafka = kafka;
        this.state = state;
        this.instance = instance;
    }

    @Override
    public Future<?> start() {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-live-" + instance,
                Arrays.stream(LiveChannel.values()).map(c -> c.topic().name()).toList(),
                (topic, key, value, partition, offset) -> LiveChannel.ofTopic(topic)
                        .ifPresent(c -> state.apply(vertx, c, key, value)));
        return reader.start().onSuccess(v -> state.markReady());
    }

    @Override
    public Future<?> stop() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
