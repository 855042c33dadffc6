package org.warroom.contracts.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service's metrics: a Micrometer {@link PrometheusMeterRegistry} with what every warroom service reports
 * (docs/METRICS.md) — JVM (memory, GC, threads, classes, heap pressure, version), process (CPU, uptime, open files)
 * and the free space of the disk holding its data folder — to which the service adds its Kafka clients
 * ({@link #bind(Producer)}, {@link #bind(Consumer)}, {@link #bind(Admin)}) and its own meters. {@link #scrape()} is
 * the body of its {@code GET /metrics} ({@link #CONTENT_TYPE}).
 */
public final class ServiceMetrics implements AutoCloseable {
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    /** Server response times as Prometheus histograms (buckets), so a percentile can be taken across instances. */
    private static final MeterFilter LATENCY_HISTOGRAMS = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getName().equals("vertx.http.server.response.time") || id.getName().equals("http.server.requests")) {
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue(1e6).maximumExpectedValue(3e10).build().merge(config);
            }
            return config;
        }
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private ServiceMetrics(Optional<Path> dataDir) {
        registry.config().meterFilter(LATENCY_HISTOGRAMS);
        bindAll(new JvmMemoryMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(), new JvmInfoMetrics(),
                new ProcessorMetrics(), new UptimeMetrics(), new FileDescriptorMetrics());
        JvmGcMetrics gc = new JvmGcMetrics();
        JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
        bindAll(gc, pressure);
        closeables.add(gc);
        closeables.add(pressure);
        dataDir.map(Path::toAbsolutePath).ifPresent(dir -> new DiskSpaceMetrics(dir.toFile()).bindTo(registry));
    }

    /** The JVM, process and disk meters; disk space is that of the volume holding {@code dataDir}. */
    public static ServiceMetrics create(Path dataDir) {
        return new ServiceMetrics(Optional.of(dataDir));
    }

    /** The JVM and process meters only (a service without a data folder). */
    public static ServiceMetrics create() {
        return new ServiceMetrics(Optional.empty());
    }

    /** The registry, for the service's own meters (and Vert.x's, see docs/METRICS.md). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text of every meter now. */
    public String scrape() {
        return registry.scrape();
    }

    /** The producer's own metrics as {@code kafka_producer_*} (Micrometer's {@link KafkaClientMetrics}). */
    public ServiceMetrics bind(Producer<?, ?> producer) {
        return kafka(new KafkaClientMetrics(producer));
    }

    /** The consumer's own metrics as {@code kafka_consumer_*}, lag included. */
    public ServiceMetrics bind(Consumer<?, ?> consumer) {
        return kafka(new KafkaClientMetrics(consumer));
    }

    /** The admin client's own metrics as {@code kafka_admin_client_*}. */
    public ServiceMetrics bind(Admin admin) {
        if (admin instanceof AdminClient client) {
            return kafka(new KafkaClientMetrics(client));
        }
        return this;
    }

    private ServiceMetrics kafka(KafkaClientMetrics binder) {
        binder.bindTo(registry);
        synchronized (closeables) {
            closeables.add(binder);
        }
        return this;
    }

    private void bindAll(MeterBinder... binders) {
        for (MeterBinder binder : binders) {
            binder.bindTo(registry);
        }
    }

    @Override
    public void close() {
        synchronized (closeables) {
            for (AutoCloseable c : closeables) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing a metrics binder: {}", e.toString());
                }
            }
            closeables.clear();
        }
        registry.close();
    }
}
