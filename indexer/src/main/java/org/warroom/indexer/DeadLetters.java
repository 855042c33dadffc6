package org.warroom.indexer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.Topics;

/**
 * The indexer's dead-letter topic ({@link Topics#DEAD_LETTER}, keyed by the source topic, source {@code indexer}):
 * records that cannot be mapped to documents and documents Elasticsearch refused, with their raw text (at most
 * {@value #RAW_LIMIT} characters). Sends through an idempotent producer ({@code acks=all}) and hands Kafka's answer,
 * success or failure, to the indexer's answer queue as an {@link Answer}: the dead letter finishes its record's work
 * only once Kafka acknowledged it; a refused one is retried ({@link Retries}).
 */
final class DeadLetters implements AutoCloseable {
    static final int RAW_LIMIT = 10_000;

    /** A dead letter Kafka answered (failure null) or refused, on behalf of its poll and partition. */
    record Answer(InFlightPolls.Poll poll, TopicPartition tp, ProducerRecord<String, DeadLetter> record,
                  Exception failure) {
        boolean acknowledged() {
            return failure == null;
        }
    }

    private final KafkaProducer<String, DeadLetter> producer;
    private final Consumer<Answer> answers;

    DeadLetters(IndexerConfig config, Consumer<Answer> answers) {
        this.answers = answers;
        Map<String, Object> p = config.kafka().client();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, config.group() + "-deadletter");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Topic<String, DeadLetter> dl = Topics.DEAD_LETTER;
        this.producer = new KafkaProducer<>(p, dl.keySerde().serializer(), dl.valueSerde().serializer());
    }

    /** Sends a dead letter for a record the mapper could not turn into documents. */
    void unindexable(InFlightPolls.Poll poll, TopicPartition tp, ConsumerRecord<String, byte[]> r, Unindexable e) {
        send(poll, tp, record(r.topic(), e.field(), e.getMessage(), raw(r.value())));
    }

    /** Sends a dead letter for a document Elasticsearch refused. */
    void refused(InFlightPolls.Poll poll, TopicPartition tp, IndexAction a, Outcome o) {
        send(poll, tp, record(a.topic(), null, "Elasticsearch refused document " + a.index() + "/" + a.id() + " ("
                + o.status() + "): " + o.reason(), rawOf(a)));
    }

    /** Sends (again) a dead letter Kafka refused before. */
    void resend(Answer refused) {
        send(refused.poll(), refused.tp(), refused.record());
    }

    private void send(InFlightPolls.Poll poll, TopicPartition tp, ProducerRecord<String, DeadLetter> record) {
        producer.send(record, (metadata, failure) -> answers.accept(new Answer(poll, tp, record, failure)));
    }

    private static ProducerRecord<String, DeadLetter> record(String topic, String field, String reason, String raw) {
        return new ProducerRecord<>(Topics.DEAD_LETTER.name(), topic,
                new DeadLetter(topic, null, null, field, reason, raw, "indexer", Instant.now()));
    }

    private static String raw(byte[] value) {
        if (value == null) {
            return null;
        }
        return limit(new String(value, StandardCharsets.UTF_8));
    }

    private static String rawOf(IndexAction a) {
        try {
            return limit(Json.mapper().writeValueAsString(a.document()));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String limit(String s) {
        return s.length() > RAW_LIMIT ? s.substring(0, RAW_LIMIT) : s;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The producer, for its metrics. */
    KafkaProducer<String, DeadLetter> producer() {
        return producer;
    }
}
