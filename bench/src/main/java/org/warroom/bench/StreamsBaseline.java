package org.warroom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.WorkerRecord;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;

/**
 * The engine's own yardstick, run in the same bench on the same broker: a minimal Kafka Streams application with
 * streams' settings (exactly-once v2, the same commit interval, store caches off, the topics' partitions) that reads
 * the same records from the beginning and does nothing but the aggregation the bench asks of ours. Its records/s is
 * the figure ours is divided by: the ratio does not depend on how busy the shared machine is.
 *
 * <ul>
 *   <li>{@link #registry}: the worker registry as a KTable, {@code groupBy}/{@code count} by current state, current
 *       district, home district, status and skills (the sorted set as one bucket: a KTable groupBy maps one row to one
 *       bucket) — five repartitions of every worker, old and new value, as streams did before its deltas.</li>
 *   <li>{@link #feeds}: each feed as a stream, {@code groupBy} district (or the record key) and {@code count}: one
 *       stateful aggregation per feed.</li>
 * </ul>
 * Done when the application's consumer group has committed past every record of the input and its repartitions.
 */
final class StreamsBaseline {
    private static final ObjectMapper JSON = Json.mapper();

    /** What the baseline did: records read from the input topics and the seconds from start to caught up. */
    record Result(long records, double seconds) {
        double rate() {
            return records / seconds;
        }

        String describe() {
            return String.format("%,d records in %.1f s = %,.0f records/s", records, seconds, rate());
        }
    }

    private StreamsBaseline() {
    }

    /** The registry's distributions as the engine computes them at its simplest. */
    static Result registry(Rig rig, double timeoutSeconds) throws Exception {
        AtomicLong read = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, WorkerRecord> topic = Topics.WORKERS;
        KTable<String, WorkerRecord> workers = builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()))
                .peek((k, v) -> read.incrementAndGet())
                .toTable(Materialized.<String, WorkerRecord, KeyValueStore<Bytes, byte[]>>as("registry")
                        .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
        Map<String, Function<WorkerRecord, String>> dimensions = Map.of(
                "currentState", WorkerRecord::currentState,
                "currentDistrict", WorkerRecord::currentDistrict,
                "homeDistrict", WorkerRecord::homeDistrict,
                "status", w -> w.status() == null ? null : w.status().name(),
                "skills", w -> w.skills().stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).sorted().distinct()
                        .collect(Collectors.joining(",")));
        dimensions.forEach((by, value) -> workers
                .groupBy((id, w) -> KeyValue.pair(bucket(value.apply(w)), ""), Grouped.with("by-" + by, Serdes.String(), Serdes.String()))
                .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("count-" + by)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long())));
        return run(rig, "registry", builder, List.of(topic.name()), read, timeoutSeconds);
    }

    /** The feeds, each through one count by district. */
    static Result feeds(Rig rig, double timeoutSeconds) throws Exception {
        AtomicLong read = new AtomicLong();
        StreamsBuilder builder = new StreamsBuilder();
        List<String> names = Topics.feeds().stream().map(Topic::name).toList();
        for (String name : names) {
            builder.stream(name, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                    .peek((k, v) -> read.incrementAndGet())
                    .groupBy((key, value) -> district(key, value), Grouped.with("by-district-" + name, Serdes.String(), Serdes.ByteArray()))
                    .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as("count-" + name)
                            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()));
        }
        return run(rig, "feeds", builder, names, read, timeoutSeconds);
    }

    private static String bucket(String value) {
        return value == null || value.isBlank() ? "unknown" : value.strip();
    }

    /** The record's district (its JSON field), else its key: reading the value as JSON is part of the work. */
    private static String district(String key, byte[] value) {
        if (value == null) {
            return key == null ? "" : key;
        }
        try {
            JsonNode node = JSON.readTree(value);
            String district = node.path("district").asText("");
            return district.isEmpty() ? (key == null ? "" : key) : district;
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static Result run(Rig rig, String what, StreamsBuilder builder, List<String> inputs, AtomicLong read,
                              double timeoutSeconds) throws Exception {
        String application = "warroom-bench-baseline-" + what + "-" + rig.run;
        Path state = Files.createTempDirectory("warroom-bench-baseline");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, rig.stack.kafkaBootstrap());
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval(rig).toMillis()));
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, "1");
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        Rig.log("baseline (%s): minimal Kafka Streams application %s, exactly-once v2, commit %d ms, reading %s from the start",
                what, application, commitInterval(rig).toMillis(), inputs);
        long t0 = System.nanoTime();
        double done = -1;
        try (KafkaStreams streams = new KafkaStreams(builder.build(), p)) {
            streams.start();
            double logged = 0;
            while ((System.nanoTime() - t0) / 1e9 < timeoutSeconds) {
                Thread.sleep(250);
                double now = (System.nanoTime() - t0) / 1e9;
                Long lag = rig.lag.sample(t -> inputs.contains(t) || t.startsWith(application)).get(application);
                if (now - logged >= 15) {
                    logged = now;
                    Rig.log("  baseline t=%3.0fs read %,d, lag %s", now, read.get(), lag);
                }
                if (lag != null && lag <= 5 && read.get() > 0 && committedAll(rig, application, inputs)) {
                    done = now;
                    break;
                }
            }
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
            streams.cleanUp();
        } finally {
            forget(rig, application);
        }
        if (done < 0) {
            throw new IllegalStateException("the baseline did not catch up within " + timeoutSeconds + " s");
        }
        Result result = new Result(read.get(), done);
        Rig.log("baseline (%s): %s", what, result.describe());
        return result;
    }

    /** Deletes the baseline's group and internal topics; best effort (a leftover is named by the run and harmless). */
    private static void forget(Rig rig, String application) {
        try {
            rig.lag.admin().deleteConsumerGroups(List.of(application)).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            Rig.log("baseline: consumer group %s not deleted: %s", application, e.getMessage());
        }
        try {
            List<String> internal = rig.lag.admin().listTopics().names().get().stream().filter(t -> t.startsWith(application)).toList();
            rig.lag.admin().deleteTopics(internal).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            Rig.log("baseline: internal topics of %s not deleted: %s", application, e.getMessage());
        }
    }

    /**
     * Whether the group has committed offsets on every input partition that holds records (a partition with none is
     * never committed), not only on the first to commit.
     */
    private static boolean committedAll(Rig rig, String group, List<String> inputs) throws Exception {
        var committed = rig.lag.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var described = rig.lag.admin().describeTopics(inputs).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.forEach((topic, d) -> d.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        var ends = rig.lag.admin().listOffsets(latest).all().get();
        return ends.entrySet().stream().filter(e -> e.getValue().offset() > 0)
                .allMatch(e -> committed.get(e.getKey()) != null);
    }

    /** Streams' commit interval as bin/warroom starts it ({@code WARROOM_STREAMS_COMMIT_INTERVAL}, default 100 ms). */
    static Duration commitInterval(Rig rig) {
        String value = rig.stack.env.getOrDefault("WARROOM_STREAMS_COMMIT_INTERVAL", "100ms").strip();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        return Duration.ofMillis(Long.parseLong(value));
    }
}
