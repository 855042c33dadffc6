package org.warroom.notifier;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.report.ReportTopics;
import org.warroom.contracts.report.StoredReport;
import org.warroom.contracts.text.Language;
import org.warroom.contracts.text.Words;

/**
 * Mails each situation report the dashboard makes on schedule ({@link ReportTopics#REPORTS}) to the distribution
 * list {@code report.mail.to} through the e-mail channel, the PDF attached, subject and text in the report's
 * language. Consumed in the group {@code notify.group}{@code -reports}, the offset committed once the mail was
 * sent (so each report goes out once, again after a crash at worst); a send that fails is retried with the
 * notifier's backoff up to {@code notify.retry.attempts} times. A report made more than {@link #TOO_OLD} ago
 * (a new group reading old reports) is not mailed.
 */
public final class ReportMailer {
    private static final Logger LOG = LoggerFactory.getLogger(ReportMailer.class);
    static final Duration TOO_OLD = Duration.ofHours(12);

    private final Vertx vertx;
    private final NotifyConfig config;
    private final EmailChannel email;
    private final Words words = Words.bundled();
    private final Clock clock;
    private KafkaConsumer<byte[], byte[]> consumer;

    public ReportMailer(Vertx vertx, NotifyConfig config, EmailChannel email, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.email = email;
        this.clock = clock;
    }

    public Future<Void> start(String instance) {
        Map<String, String> props = new HashMap<>();
        config.kafka().client().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("group.id", config.group() + "-reports");
        props.put("client.id", "warroom-notifier-reports-" + instance);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        props.put("max.poll.records", "1");
        consumer = KafkaConsumer.create(vertx, props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.exceptionHandler(e -> LOG.warn("reports consumer: {}", e.toString()));
        consumer.handler(this::handle);
        return consumer.subscribe(Set.of(ReportTopics.REPORTS.name()));
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            consumer.commit();
            return;
        }
        StoredReport report;
        try {
            report = ReportTopics.REPORTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.warn("unreadable report at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                    e.toString());
            consumer.commit();
            return;
        }
        if (report.generatedAt() != null && report.generatedAt().isBefore(clock.instant().minus(TOO_OLD))) {
            LOG.info("report {} made {}: too old to mail now", report.id(), report.generatedAt());
            consumer.commit();
            return;
        }
        consumer.pause();
        mail(report, 1).onComplete(done -> {
            if (done.failed()) {
                LOG.error("report {} could not be mailed to {} address(es): {}", report.id(),
                        config.reportMailTo().size(), done.cause().toString());
            } else {
                LOG.info("report {} mailed to {} address(es)", report.id(), config.reportMailTo().size());
            }
            consumer.commit().onComplete(c -> consumer.resume());
        });
    }

    private Future<Void> mail(StoredReport report, int attempt) {
        Language language = "hi".equals(report.language()) ? Language.HI : Language.EN;
        Map<String, String> values = Map.of("date", report.date().toString(), "edition", report.edition());
        Future<Void> sent = email.sendWithPdf(config.reportMailTo(),
                words.format(language, "report.pdf.mail.subject", values),
                words.format(language, "report.pdf.mail.body", values), report.fileName(), report.pdf());
        return sent.recover(e -> {
            if (e instanceof Channel.PermanentFailure || attempt >= config.attempts()) {
                return Future.failedFuture(e);
            }
            long backoff = Math.min(config.backoffMax().toMillis(), config.backoff().toMillis() << (attempt - 1));
            Promise<Void> retry = Promise.promise();
            vertx.setTimer(Math.max(1, backoff), t -> mail(report, attempt + 1).onComplete(retry));
            return retry.future();
        });
    }

    public Future<Void> close() {
        return consumer == null ? Future.succeededFuture() : consumer.close();
    }
}
