package org.warroom.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.topic.Topic;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.DeadLetterHandlers;
import org.warroom.streams.support.Sources;

/**
 * A {@link TopologyTestDriver} around one topology builder, with the wall clock starting at {@link #T0} and typed
 * topics from the registry. Tests pipe inputs with explicit timestamps and advance the wall clock for punctuators.
 */
public final class TestDriver implements AutoCloseable {
    /** 2026-04-01 12:00 UTC (17:30 in Bhopal): the wall clock when each test starts. */
    public static final Instant T0 = Instant.parse("2026-04-01T12:00:00Z");

    private final TopologyTestDriver driver;
    private final Path stateDir;

    private TestDriver(Map<String, Object> extra, Consumer<Sources> topology) {
        StreamsBuilder builder = new StreamsBuilder();
        topology.accept(new Sources(builder));
        try {
            stateDir = Files.createTempDirectory("warroom-streams-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "warroom-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // No exactly_once_v2 here: the driver processes synchronously anyway, and under EOS its mock producer drops
        // the dead-letter records a deserialization handler returns. The real-broker test runs with EOS.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        DeadLetterHandlers.configure(props);
        props.putAll(extra);
        driver = new TopologyTestDriver(builder.build(), props, T0);
    }

    public static TestDriver of(Consumer<Sources> topology) {
        return new TestDriver(Map.of(), topology);
    }

    /** A driver with further streams properties (e.g. a RocksDB config setter). */
    public static TestDriver of(Map<String, Object> properties, Consumer<Sources> topology) {
        return new TestDriver(properties, topology);
    }

    /** Rules with every default, except the given settings (dotted keys). */
    public static Rules rules(Map<String, String> overrides) {
        return WarroomStreamsConfig.rules(Settings.ofKeys(overrides));
    }

    public static Rules rules() {
        return rules(Map.of());
    }

    public <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    /** Raw text onto a topic (for records that cannot be read). */
    public TestInputTopic<String, String> rawInput(Topic<?, ?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new StringSerializer());
    }

    /** What a store wrote to its changelog (raw values; a null value is a tombstone). */
    public TestOutputTopic<String, byte[]> changelog(String store) {
        return internal(store + "-changelog");
    }

    /** What the topology writes to its repartition topic {@code name} (raw values). */
    public TestOutputTopic<String, byte[]> repartition(String name) {
        return internal(name + "-repartition");
    }

    private TestOutputTopic<String, byte[]> internal(String suffix) {
        return driver.createOutputTopic("warroom-test-" + suffix, new StringDeserializer(), new ByteArrayDeserializer());
    }

    public <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** Advances the wall clock in one step (fires each due punctuator once). */
    public void advance(Duration duration) {
        driver.advanceWallClockTime(duration);
        elapsed = elapsed.plus(duration);
    }

    /** The current (test) wall clock. */
    public Instant now() {
        return T0.plus(elapsed);
    }

    private Duration elapsed = Duration.ZERO;

    /** Advances the wall clock in steps of at most {@code step}, so every punctuation in between fires. */
    public void advance(Duration duration, Duration step) {
        Duration left = duration;
        while (!left.isZero()) {
            Duration d = left.compareTo(step) < 0 ? left : step;
            driver.advanceWallClockTime(d);
            elapsed = elapsed.plus(d);
            left = left.minus(d);
        }
    }

    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /** The keys of a key-value store, in its order (RocksDB's approximate count is not exact after deletes). */
    public List<String> keys(String store) {
        List<String> keys = new ArrayList<>();
        try (var all = store(store).all()) {
            all.forEachRemaining(kv -> keys.add(String.valueOf(kv.key)));
        }
        return keys;
    }

    public TopologyTestDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.close();
        try (var files = Files.walk(stateDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir that cannot be removed is harmless
        }
    }
}
