package org.warroom.streams;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.warroom.contracts.metrics.ServiceMetrics;

/**
 * What streams exposes on {@code /metrics} (docs/METRICS.md): the service's JVM, process and disk meters, Kafka
 * Streams' own metrics through Micrometer's {@link KafkaStreamsMetrics} binder ({@code kafka_stream_*}, the clients
 * inside it included), {@code warroom_streams_up} (1 while RUNNING or REBALANCING) and
 * {@code warroom_streams_state{state}} (1 for the state Kafka Streams is in, 0 for the others).
 */
final class StreamsMetrics implements AutoCloseable {
    private final ServiceMetrics metrics;
    private KafkaStreamsMetrics binder;

    StreamsMetrics(ServiceMetrics metrics, Supplier<KafkaStreams> streams) {
        this.metrics = metrics;
        Gauge.builder("warroom.streams.up", () -> state(streams).isRunningOrRebalancing() ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING or REBALANCING").register(metrics.registry());
        for (KafkaStreams.State each : KafkaStreams.State.values()) {
            Gauge.builder("warroom.streams.state", () -> state(streams) == each ? 1 : 0).tag("state", each.name())
                    .description("1 for the state Kafka Streams is in now").register(metrics.registry());
        }
    }

    /** Binds Kafka Streams' own metrics (call once, before it starts). */
    synchronized void bind(KafkaStreams streams) {
        binder = new KafkaStreamsMetrics(streams);
        binder.bindTo(metrics.registry());
    }

    private static KafkaStreams.State state(Supplier<KafkaStreams> streams) {
        KafkaStreams s = streams.get();
        return s == null ? KafkaStreams.State.CREATED : s.state();
    }

    String scrape() {
        return metrics.scrape();
    }

    @Override
    public synchronized void close() {
        if (binder != null) {
            binder.close();
        }
        metrics.close();
    }
}
