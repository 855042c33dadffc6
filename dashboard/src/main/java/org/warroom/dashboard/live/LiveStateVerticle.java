package org.warroom.dashboard.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.vertxkafka.CompactedReader;

/**
 * Feeds {@link LiveState} from every compacted result topic, read from the beginning (no consumer group: each
 * dashboard instance holds the whole state). Deployment completes once everything up to the topics' ends at start
 * has been applied (see {@link CompactedReader} for the last poll's records).
 *
 * <p>While catching up, only the newest record of each key is kept (raw), and each key is applied once at the end:
 * the topics hold every update since their last compaction (tens of thousands of records for far fewer keys), and
 * decoding each one was most of a dashboard's start. After that, every record is applied as it comes.
 */
public final class LiveStateVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStateVerticle.class);
    private static final int CHUNK = 500;

    private final KafkaSettings kafka;
    private final LiveState state;
    private final String instance;
    private final Map<LiveChannel, Map<String, byte[]>> newestWhileLoading = new EnumMap<>(LiveChannel.class);
    private boolean loaded;
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
                        .ifPresent(c -> accept(c, key, value)));
        return reader.start().compose(v -> applyNewest()).onSuccess(v -> state.markReady());
    }

    private void accept(LiveChannel channel, String key, byte[] value) {
        if (loaded || key == null) {
            state.apply(vertx, channel, key, value); // a record without key is refused (and counted) there
        } else {
            newestWhileLoading.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(key, value);
        }
    }

    /** Applies the newest record of every key read while catching up, {@value #CHUNK} keys per event-loop turn. */
    private Future<Void> applyNewest() {
        List<Map.Entry<LiveChannel, Map.Entry<String, byte[]>>> all = new ArrayList<>();
        newestWhileLoading.forEach((channel, table) -> table.entrySet().forEach(e -> all.add(Map.entry(channel, e))));
        newestWhileLoading.clear();
        Promise<Void> done = Promise.promise();
        applyFrom(all, 0, done);
        return done.future();
    }

    private void applyFrom(List<Map.Entry<LiveChannel, Map.Entry<String, byte[]>>> all, int from, Promise<Void> done) {
        int to = Math.min(all.size(), from + CHUNK);
        for (int i = from; i < to; i++) {
            LiveChannel channel = all.get(i).getKey();
            Map.Entry<String, byte[]> record = all.get(i).getValue();
            try {
                state.apply(vertx, channel, record.getKey(), record.getValue());
            } catch (RuntimeException e) {
                LOG.warn("skipped unreadable record of {} key {}: {}", channel.topic().name(), record.getKey(), e.getMessage());
            }
        }
        if (to < all.size()) {
            vertx.runOnContext(v -> applyFrom(all, to, done));
        } else if (!newestWhileLoading.isEmpty()) {
            applyNewest().onComplete(done); // what arrived meanwhile, in order after what came before it
        } else {
            loaded = true;
            int keys = Arrays.stream(LiveChannel.values()).mapToInt(c -> state.values(c).size()).sum();
            LOG.info("live state: {} keys from {} records", keys, reader.records());
            done.complete();
        }
    }

    @Override
    public Future<?> stop() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
