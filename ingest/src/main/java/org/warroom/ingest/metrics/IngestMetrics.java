package org.warroom.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.warroom.contracts.metrics.ServiceMetrics;

/**
 * The counters ingest exposes at {@code /metrics} (Prometheus text format). Tags are low-cardinality words:
 * feed names, provider names, outcomes; never keys, numbers or districts of people. They join the service's JVM,
 * process, disk, Kafka producer and Vert.x meters ({@link ServiceMetrics}; docs/METRICS.md).
 */
public final class IngestMetrics {
    private final ServiceMetrics service;
    private final MeterRegistry registry;

    public IngestMetrics(ServiceMetrics service) {
        this.service = service;
        this.registry = service.registry();
    }

    public void accepted(String feed, long n) {
        counter("warroom.ingest.accepted", "events durably in Kafka", "feed", feed).increment(n);
    }

    public void rejected(String feed, long n) {
        counter("warroom.ingest.rejected", "events refused with a reason", "feed", feed).increment(n);
    }

    public void deadLettered(String feed, long n) {
        counter("warroom.ingest.deadletters", "rejected events written to warroom.deadletter", "feed", feed).increment(n);
    }

    public void unlocatedMessages(long n) {
        counter("warroom.ingest.messages.unlocated", "messages kept without a district", "feed", "messages").increment(n);
    }

    public void rateLimited(String feed) {
        counter("warroom.ingest.rate.limited", "requests answered 429", "feed", feed).increment();
    }

    public void unauthorised(String feed, int status) {
        counter("warroom.ingest.refused", "requests answered 401 or 403", "feed", feed, "status", Integer.toString(status)).increment();
    }

    public void kafkaUnavailable(String feed) {
        counter("warroom.ingest.kafka.unavailable", "requests answered 503 because Kafka did not acknowledge", "feed", feed).increment();
    }

    public void webhook(String provider, String outcome) {
        counter("warroom.ingest.webhooks", "provider callbacks by outcome", "provider", provider, "outcome", outcome).increment();
    }

    public ServiceMetrics service() {
        return service;
    }

    public String scrape() {
        return service.scrape();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
