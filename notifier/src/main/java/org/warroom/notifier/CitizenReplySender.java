package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.complaint.CitizenReply;
import org.warroom.contracts.complaint.CitizenReplyOutcome;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Tells citizens what the grievance desk asks ({@code warroom.citizen-reply-requests}), each reply at most once,
 * through the notifier's SMS and WhatsApp channels (docs/COMPLAINTS.md, "What the citizen is told"):
 * <ol>
 *   <li>at start every outcome so far is read ({@code warroom.citizen-replies}, compacted);</li>
 *   <li>requests are consumed in the group {@code notify.group}{@code -citizen-replies}, one at a time, the offset
 *       committed once the outcome is recorded; a request whose id already has a final outcome is skipped (a desk
 *       retry repeats the id);</li>
 *   <li>no channel configured for the reply's channel: {@code not-sent}, recorded, never silently dropped;</li>
 *   <li>before the provider is asked, {@code sending} is recorded; finding it after a restart means the message may
 *       have gone out — Twilio's Messages API has no idempotency key, so it is not sent again but recorded
 *       {@code unknown};</li>
 *   <li>a failure that may pass is retried with backoff ({@code notify.retry.*}); then {@code sent} or {@code failed}
 *       (with the reason).</li>
 * </ol>
 * Phones are never logged in clear.
 */
public final class CitizenReplySender {
    private static final Logger LOG = LoggerFactory.getLogger(CitizenReplySender.class);

    private final Vertx vertx;
    private final KafkaSettings kafka;
    private final String group;
    private final TopicWriter writer;
    private final Map<ChannelKind, Channel> channels = new HashMap<>();
    private final int attempts;
    private final Duration backoff;
    private final Duration backoffMax;
    private final Clock clock;
    private final Map<String, CitizenReplyOutcome> outcomes = new ConcurrentHashMap<>();
    private CompactedReader reader;
    private KafkaConsumer<byte[], byte[]> consumer;

    public CitizenReplySender(Vertx vertx, KafkaSettings kafka, String group, TopicWriter writer, List<Channel> channels,
                              int attempts, Duration backoff, Duration backoffMax, Clock clock) {
        this.vertx = vertx;
        this.kafka = kafka;
        this.group = group;
        this.writer = writer;
        channels.stream().filter(c -> c.kind() == ChannelKind.SMS || c.kind() == ChannelKind.WHATSAPP)
                .forEach(c -> this.channels.put(c.kind(), c));
        this.attempts = attempts;
        this.backoff = backoff;
        this.backoffMax = backoffMax;
        this.clock = clock;
    }

    public Future<Void> start(String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-notifier-citizen-replies-" + instance,
                List.of(ComplaintTopics.CITIZEN_REPLIES.name()), (topic, key, value, p, o) -> {
                    if (value != null) {
                        remember(ComplaintTopics.CITIZEN_REPLIES.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return reader.start().compose(v -> {
            Map<String, String> props = new HashMap<>();
            kafka.client().forEach((k, val) -> props.put(k, String.valueOf(val)));
            props.put("group.id", group + "-citizen-replies");
            props.put("client.id", "warroom-notifier-citizen-replies-" + instance);
            props.put("enable.auto.commit", "false");
            props.put("auto.offset.reset", "earliest");
            props.put("max.poll.records", "1");
            consumer = KafkaConsumer.create(vertx, props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumer.exceptionHandler(e -> LOG.warn("citizen replies consumer: {}", e.toString()));
            consumer.handler(this::handle);
            return consumer.subscribe(Set.of(ComplaintTopics.CITIZEN_REPLY_REQUESTS.name()));
        });
    }

    /** The outcome recorded for a reply, if any (tests). */
    public Optional<CitizenReplyOutcome> outcome(String replyId) {
        return Optional.ofNullable(outcomes.get(replyId));
    }

    private void remember(CitizenReplyOutcome o) {
        outcomes.merge(o.id(), o, (old, now) -> old.isFinal() && !now.isFinal() ? old : now);
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> record) {
        CitizenReply reply = read(record);
        CitizenReplyOutcome prior = reply == null ? null : outcomes.get(reply.id());
        if (reply == null || prior != null && prior.isFinal()) {
            consumer.commit();
            return;
        }
        consumer.pause();
        deliver(reply, prior).onComplete(done -> {
            if (done.failed()) {
                LOG.error("citizen reply {}: the outcome could not be recorded: {}", reply.id(),
                        done.cause().toString());
            }
            consumer.commit().onComplete(c -> consumer.resume());
        });
    }

    private static CitizenReply read(KafkaConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : ComplaintTopics.CITIZEN_REPLY_REQUESTS.valueSerde().deserializer()
                    .deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("unreadable citizen reply at {}-{} offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
            return null;
        }
    }

    private Future<CitizenReplyOutcome> deliver(CitizenReply reply, CitizenReplyOutcome prior) {
        Channel channel = ChannelKind.parse(reply.channel()).map(channels::get).orElse(null);
        if (channel == null) {
            return record(reply, CitizenReplyOutcome.NOT_SENT, "no provider is configured for "
                    + reply.channel() + " in the notifier");
        }
        if (prior != null && CitizenReplyOutcome.SENDING.equals(prior.state())) {
            return record(reply, CitizenReplyOutcome.UNKNOWN, "the notifier stopped while sending this reply; it may "
                    + "have gone out and is not sent twice");
        }
        // The one place a citizen reply becomes an Outgoing: deliveryId = the reply id, subject and purpose = its
        // purpose (the DLT template of an SMS gateway is chosen by it), the complaint number as a template value.
        Outgoing message = new Outgoing(reply.id(), channel.kind(), reply.to(), reply.purpose(), reply.text(), null,
                reply.purpose(), reply.number() == null ? Map.of() : Map.of("number", reply.number()));
        return record(reply, CitizenReplyOutcome.SENDING, null)
                .compose(v -> attempt(channel, message, 1))
                .compose(failure -> failure == null ? record(reply, CitizenReplyOutcome.SENT, null)
                        : record(reply, CitizenReplyOutcome.FAILED, failure));
    }

    /** Null once sent, else why it failed (after every retry when trying again could help). */
    private Future<String> attempt(Channel channel, Outgoing message, int attempt) {
        return channel.send(message).map(v -> (String) null).recover(e -> {
            if (e instanceof Channel.PermanentFailure || attempt >= attempts) {
                return Future.succeededFuture(String.valueOf(e.getMessage()));
            }
            long wait = Math.min(backoffMax.toMillis(), backoff.toMillis() << (attempt - 1));
            Promise<String> next = Promise.promise();
            vertx.setTimer(Math.max(1, wait), t -> attempt(channel, message, attempt + 1).onComplete(next));
            return next.future();
        });
    }

    private Future<CitizenReplyOutcome> record(CitizenReply reply, String state, String detail) {
        CitizenReplyOutcome o = new CitizenReplyOutcome(reply.id(), reply.number(), state,
                detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300) + "…",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (o.isFinal()) {
            LOG.info("citizen reply {} ({}) on {} to {}: {}", reply.id(), reply.purpose(), reply.channel(),
                    ComplaintText.maskPhone(reply.to()), state);
        }
        return writer.write(ComplaintTopics.CITIZEN_REPLIES, o.id(), o).map(meta -> {
            remember(o);
            return o;
        });
    }

    public Future<Void> close() {
        List<Future<?>> closing = new ArrayList<>();
        if (consumer != null) {
            closing.add(consumer.close());
        }
        if (reader != null) {
            closing.add(reader.close());
        }
        return Future.join(closing).mapEmpty();
    }
}
