package org.warroom.dashboard.complaint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.complaint.ActionRequest;
import org.warroom.contracts.complaint.CitizenCommand;
import org.warroom.contracts.complaint.CitizenReplies;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintAction;
import org.warroom.contracts.complaint.ComplaintNumber;
import org.warroom.contracts.complaint.ComplaintRefused;
import org.warroom.contracts.complaint.ComplaintState;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.topic.Topics;
import org.warroom.dashboard.audit.AuditLog;

/**
 * The citizens' own replies to the grievance desk (docs/COMPLAINTS.md, "What the citizen is told"): reads the
 * WhatsApp and SMS messages of {@code warroom.messages} (the webhooks' citizen messages) while this dashboard
 * instance owns the writes — the single writer of complaints — in the consumer group
 * {@value #GROUP}, one at a time, the offset committed once acted on (ordinary messages' offsets once a second, never
 * past a message not yet acted on):
 * <ul>
 *   <li>{@code STATUS <number>} / {@code स्थिति <number>}: the complaint's state, only when the sender's phone is the
 *       complaint's; otherwise the neutral "not found" (never another citizen's data);</li>
 *   <li>{@code 1}–{@code 5}: rates the sender's latest resolved complaint (once; a later rating is refused and the
 *       citizen told so);</li>
 *   <li>"not solved" (the phrase list of {@link CitizenCommand#NOT_SOLVED}): reopens the sender's latest closed
 *       complaint — a {@code reopened} ticket step, so the backlogs move.</li>
 * </ul>
 * Every step is audited with the citizen as actor ({@code citizen:+91******3210}). Idempotent: a message acted on
 * before (its id in a step's note, or its answer's id) is not acted on again after a restart. Messages older than
 * {@value #MAX_AGE_HOURS} h are left alone (a late answer helps nobody; a first start does not answer history).
 */
public final class CitizenDesk {
    public static final String GROUP = "warroom-dashboard-citizen-desk";
    static final int MAX_AGE_HOURS = 24;
    private static final Logger LOG = LoggerFactory.getLogger(CitizenDesk.class);
    private static final int ATTEMPTS = 5;

    private final Vertx vertx;
    private final KafkaSettings kafka;
    private final ComplaintBook book;
    private final AuditLog audit;
    private final BooleanSupplier owns;
    private final Clock clock;
    private final ZoneId zone;
    private final String instance;
    private KafkaConsumer<byte[], byte[]> consumer;
    private long timer = -1;
    private boolean switching;
    private boolean busy;
    private boolean uncommitted;
    /** The next offset to read per partition: what was handled (committed by hand, never past an unhandled record). */
    private final Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();

    public CitizenDesk(Vertx vertx, KafkaSettings kafka, ComplaintBook book, AuditLog audit, BooleanSupplier owns,
                       Clock clock, ZoneId zone, String instance) {
        this.vertx = vertx;
        this.kafka = kafka;
        this.book = book;
        this.audit = audit;
        this.owns = owns;
        this.clock = clock;
        this.zone = zone;
        this.instance = instance;
    }

    /** Follows the ownership of writes: consumes while this instance owns them (checked every second). */
    public Future<Void> start() {
        timer = vertx.setPeriodic(1000, t -> {
            follow();
            KafkaConsumer<byte[], byte[]> c = consumer;
            if (c != null && !busy && uncommitted) { // ordinary messages: their offsets move once a second
                uncommitted = false;
                c.commit(new HashMap<>(handled));
            }
        });
        return follow();
    }

    private Future<Void> follow() {
        if (switching) {
            return Future.succeededFuture();
        }
        boolean owner = owns.getAsBoolean();
        if (owner && consumer == null) {
            switching = true;
            return subscribe().onComplete(ar -> switching = false);
        }
        if (!owner && consumer != null) {
            switching = true;
            KafkaConsumer<byte[], byte[]> c = consumer;
            consumer = null;
            return c.close().onComplete(ar -> switching = false);
        }
        return Future.succeededFuture();
    }

    private Future<Void> subscribe() {
        Map<String, String> props = new HashMap<>();
        kafka.client().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("group.id", GROUP);
        props.put("client.id", "warroom-dashboard-citizen-desk-" + instance);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        handled.clear();
        consumer = KafkaConsumer.create(vertx, props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.exceptionHandler(e -> LOG.warn("citizen desk consumer: {}", e.toString()));
        consumer.handler(this::handle);
        return consumer.subscribe(Set.of(Topics.MESSAGES.name()));
    }

    private void handle(KafkaConsumerRecord<byte[], byte[]> record) {
        KafkaConsumer<byte[], byte[]> c = consumer;
        CitizenMessage m = read(record);
        if (c == null) {
            return;
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1, "");
        if (m == null || !asks(m)) {
            handled.put(partition, next);
            uncommitted = true;
            return;
        }
        busy = true;
        c.pause();
        Future<?> done;
        try {
            done = act(m);
        } catch (RuntimeException e) {
            done = Future.failedFuture(e);
        }
        done.onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("citizen message {}: not acted on: {}", m.id(), ar.cause().toString());
            }
            handled.put(partition, next);
            c.commit(new HashMap<>(handled)).onComplete(x -> {
                busy = false;
                c.resume();
            });
        });
    }

    private static CitizenMessage read(KafkaConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null
                    : Topics.MESSAGES.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether the message may ask something of the desk: a recent WhatsApp or SMS message that reads as a command. */
    private boolean asks(CitizenMessage m) {
        return (m.channel() == Channel.WHATSAPP || m.channel() == Channel.SMS) && !m.placed() && m.at() != null
                && !m.at().toInstant().isBefore(clock.instant().minus(Duration.ofHours(MAX_AGE_HOURS)))
                && CitizenCommand.parse(m.text()).isPresent();
    }

    /** Acts on one citizen message; completes once done (or when it asks nothing of the desk). */
    Future<?> act(CitizenMessage m) {
        Optional<CitizenCommand> command = CitizenCommand.parse(m.text());
        Optional<String> phone = phone(m.from());
        if (command.isEmpty() || phone.isEmpty()) {
            return Future.succeededFuture();
        }
        String actor = "citizen:" + ComplaintText.maskPhone(phone.get());
        String answerId = "answer/" + m.id();
        if (book.replies().outcome(answerId).isPresent() || answered(m.id())) {
            return Future.succeededFuture();
        }
        CitizenCommand cmd = command.get();
        if (cmd instanceof CitizenCommand.Status s) {
            return status(m, s, phone.get(), actor);
        }
        if (cmd instanceof CitizenCommand.Rate r) {
            return latest(phone.get(), Set.of(ComplaintState.RESOLVED))
                    .<Future<?>>map(c -> rate(m, c, r.stars(), actor)).orElse(Future.succeededFuture());
        }
        return latest(phone.get(), Set.of(ComplaintState.RESOLVED, ComplaintState.REJECTED))
                .<Future<?>>map(c -> step(m, c, new ActionRequest(ComplaintAction.REOPEN, note(m, "not solved"), null,
                        null, c.version()), actor, 1)).orElse(Future.succeededFuture());
    }

    private Future<?> status(CitizenMessage m, CitizenCommand.Status s, String phone, String actor) {
        Optional<Complaint> found = s.candidates().stream()
                .map(ComplaintNumber::toString)
                .flatMap(n -> book.find(n).stream())
                .filter(c -> phone.equals(c.phone()))
                .findFirst();
        OffsetDateTime now = now();
        CitizenReplies words = book.words();
        var reply = found.map(c -> words.answer(m.id(), c, CitizenReplies.STATUS, now))
                .orElseGet(() -> words.notFound(m.id(), m.channel().wire(), phone, language(m), now));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("message", m.id());
        details.put("channel", m.channel().wire());
        found.ifPresent(c -> details.put("state", c.state().wire()));
        return audit.record(actor, "citizen", "complaint.status", found.map(Complaint::number).orElse(null),
                found.map(Complaint::district).orElse(null), found.isPresent() ? "ok" : "not-found", null, details)
                .compose(v -> book.replies().tell(reply));
    }

    private Future<?> rate(CitizenMessage m, Complaint c, int stars, String actor) {
        if (c.rating() != null) {
            Map<String, String> details = Map.of("message", m.id(), "rating", Integer.toString(stars),
                    "rated", c.rating().toString());
            return audit.record(actor, "citizen", "complaint.rate", c.number(), c.district(), "not_allowed", null,
                    details).compose(v -> book.replies().tell(book.words().answer(m.id(), c,
                    CitizenReplies.RATED_ALREADY, now())));
        }
        return step(m, c, new ActionRequest(ComplaintAction.RATE, note(m, Integer.toString(stars)), null, null,
                c.version(), Integer.toString(stars)), actor, 1);
    }

    /** A step by the citizen; retried on the latest version when an officer acted at the same moment. */
    private Future<?> step(CitizenMessage m, Complaint c, ActionRequest request, String actor, int attempt) {
        return book.act(c, request, actor, now(), next -> audited(next, actor, m)).recover(e -> {
            if (e instanceof ComplaintRefused refused && refused.reason() == ComplaintRefused.Reason.STALE
                    && attempt < ATTEMPTS) {
                Promise<Object> again = Promise.promise();
                vertx.setTimer(100L * attempt, t -> {
                    Complaint latest = book.find(c.number()).orElse(c);
                    step(m, latest, new ActionRequest(request.action(), request.note(), null, null, latest.version(),
                            request.rating()), actor, attempt + 1).onComplete(ar -> again.handle(ar.map(x -> x)));
                });
                return again.future().map(x -> null);
            }
            if (e instanceof ComplaintRefused refused) {
                return audit.record(actor, "citizen", "complaint." + request.action().wire(), c.number(), c.district(),
                        refused.reason().name().toLowerCase(java.util.Locale.ROOT), null,
                        Map.of("message", m.id(), "reason", refused.getMessage())).map(x -> null);
            }
            return Future.failedFuture(e);
        });
    }

    private Future<?> audited(Complaint c, String actor, CitizenMessage m) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("version", Long.toString(c.version()));
        details.put("state", c.state().wire());
        details.put("message", m.id());
        details.put("channel", m.channel().wire());
        if (c.rating() != null && c.lastStep().action() == ComplaintAction.RATE) {
            details.put("rating", c.rating().toString());
        }
        return audit.record(actor, "citizen", "complaint." + c.lastStep().action().wire(), c.number(), c.district(),
                "ok", null, details);
    }

    /** The sender's complaint in one of {@code states} updated last. */
    private Optional<Complaint> latest(String phone, Set<ComplaintState> states) {
        return book.all().stream()
                .filter(c -> phone.equals(c.phone()) && states.contains(c.state()))
                .max(Comparator.comparing(c -> c.updatedAt().toInstant()));
    }

    /** Whether a step of a complaint already names this message (acted on before a restart). */
    private boolean answered(String messageId) {
        String marker = "citizen message " + messageId + ":";
        return book.all().stream().anyMatch(c -> c.history().stream()
                .anyMatch(s -> s.note() != null && s.note().startsWith(marker)));
    }

    private static String note(CitizenMessage m, String what) {
        String text = m.text().strip().replaceAll("[\\p{Cc}\\p{Cf}]+", " ");
        return "citizen message " + m.id() + ": " + what + " (\"" + (text.length() > 200 ? text.substring(0, 200)
                + "…" : text) + "\")";
    }

    private static Optional<String> phone(String from) {
        if (from == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ComplaintText.phone("from", from.replaceFirst("^(?i)whatsapp:", "")));
        } catch (InvalidField e) {
            return Optional.empty();
        }
    }

    private static String language(CitizenMessage m) {
        return m.language() != null && m.language().startsWith("hi") ? "hi" : ComplaintText.language(m.text());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), zone);
    }

    public Future<Void> close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        KafkaConsumer<byte[], byte[]> c = consumer;
        consumer = null;
        return c == null ? Future.succeededFuture() : c.close();
    }
}
