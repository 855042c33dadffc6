package org.warroom.streams.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topics;

/**
 * Bad records never stop the war room and are never silently lost: a record that cannot be deserialized, or whose
 * processing throws, is logged with its topic, partition and offset, written to {@code warroom.deadletter} as a
 * {@link DeadLetter} with stage {@code streams} (inside the same exactly-once transaction), and processing goes on.
 */
public final class DeadLetterHandlers {
    public static final String STAGE = "streams";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);
    private static final int MAX_RAW = 8_192;
    private static final JsonSerde<DeadLetter> SERDE = JsonSerde.of(DeadLetter.class);

    private DeadLetterHandlers() {
    }

    /** Puts both handlers into Kafka Streams properties. */
    public static void configure(Properties properties) {
        properties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class.getName());
        properties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class.getName());
    }

    /** The dead letter for a record of {@code topic} that could not be handled. */
    public static DeadLetter deadLetter(String topic, String reason, byte[] raw, Instant at) {
        return new DeadLetter(topic, null, null, null, reason, truncate(raw), STAGE, at);
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String reason, byte[] raw) {
        DeadLetter letter = deadLetter(topic, reason, raw, Instant.now());
        return new ProducerRecord<>(Topics.DEAD_LETTER.name(),
                topic == null ? null : topic.getBytes(StandardCharsets.UTF_8), SERDE.toBytes(letter));
    }

    private static String truncate(byte[] raw) {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        return text.length() > MAX_RAW ? text.substring(0, MAX_RAW) : text;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Unreadable input records: dead-letter and continue. */
    public static final class Deserialization implements DeserializationExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception e) {
            LOG.warn("cannot read record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason(e));
            return Response.resume(List.of(record(record.topic(), reason(e), record.value())));
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    /** Records whose processing throws: dead-letter the source record and continue. */
    public static final class Processing implements ProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception e) {
            LOG.warn("cannot process record {}-{}@{} in {}: {}", context.topic(), context.partition(), context.offset(),
                    context.processorNodeId(), reason(e), e);
            return Response.resume(List.of(record(context.topic(), reason(e), context.sourceRawValue())));
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
