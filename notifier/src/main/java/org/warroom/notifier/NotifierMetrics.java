package org.warroom.notifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.warroom.contracts.notify.ChannelKind;

/**
 * The notifier's own meters (docs/METRICS.md), beside the service's JVM and process ones:
 * {@code warroom_notifier_deliveries_total{channel,outcome}} (each notification once it is settled: {@code sent} or
 * {@code undeliverable}), {@code warroom_notifier_attempts_failed_total{channel}} (each failed attempt, retried or
 * not), {@code warroom_notifier_rate_limited_total{channel}} (messages over their channel's rate, sent at a later
 * tick) and {@code warroom_notifier_held} (notifications the last tick held for quiet hours). Tags are channel names and outcomes only.
 */
final class NotifierMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger held = new AtomicInteger();

    NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("warroom.notifier.held", held, AtomicInteger::get)
                .description("notifications the last tick held for quiet hours").register(registry);
        for (ChannelKind channel : ChannelKind.values()) {
            // present at 0 from the start, so a rate over them is defined before the first delivery
            deliveries(channel, "sent");
            deliveries(channel, "undeliverable");
            failed(channel);
        }
    }

    void settled(ChannelKind channel, boolean sent, int notifications) {
        deliveries(channel, sent ? "sent" : "undeliverable").increment(notifications);
    }

    void attemptFailed(ChannelKind channel) {
        failed(channel).increment();
    }

    void rateLimited(ChannelKind channel) {
        Counter.builder("warroom.notifier.rate.limited").tag("channel", channel.wire())
                .description("messages over their channel's rate, left for a later tick").register(registry).increment();
    }

    void held(int notifications) {
        held.set(notifications);
    }

    private Counter deliveries(ChannelKind channel, String outcome) {
        return Counter.builder("warroom.notifier.deliveries").tag("channel", channel.wire()).tag("outcome", outcome)
                .description("notifications settled, by channel and outcome").register(registry);
    }

    private Counter failed(ChannelKind channel) {
        return Counter.builder("warroom.notifier.attempts.failed").tag("channel", channel.wire())
                .description("delivery attempts that failed (retried or not)").register(registry);
    }
}
