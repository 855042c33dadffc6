package org.warroom.dashboard.complaint;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.warroom.contracts.complaint.CitizenReply;
import org.warroom.contracts.complaint.CitizenReplyOutcome;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintReply;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The desk's side of what citizens are told: hands replies to the notifier ({@code warroom.citizen-reply-requests})
 * and reads back what became of each ({@code warroom.citizen-replies}, the notifier's outcomes), so a complaint
 * shows each reply's outcome — sent, failed, not sent (no provider), unknown, or pending while the notifier has not
 * answered — and the answers to the citizen's own messages about it (a status question, a refused rating). The
 * complaint's own record is not rewritten for an outcome: its version moves only with a step.
 */
public final class CitizenReplyLog {
    private final TopicWriter writer;
    private final Map<String, CitizenReplyOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, List<CitizenReply>> answers = new ConcurrentHashMap<>();
    private CompactedReader reader;

    public CitizenReplyLog(TopicWriter writer) {
        this.writer = writer;
    }

    /** Reads every outcome and answer so far; completes once caught up, then follows. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-citizen-replies-" + instance,
                List.of(ComplaintTopics.CITIZEN_REPLIES.name(), ComplaintTopics.CITIZEN_REPLY_REQUESTS.name()),
                (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        return;
                    }
                    if (ComplaintTopics.CITIZEN_REPLIES.name().equals(topic)) {
                        remember(ComplaintTopics.CITIZEN_REPLIES.valueSerde().deserializer().deserialize(topic, value));
                    } else {
                        answered(ComplaintTopics.CITIZEN_REPLY_REQUESTS.valueSerde().deserializer()
                                .deserialize(topic, value));
                    }
                });
        return reader.start();
    }

    private void remember(CitizenReplyOutcome o) {
        outcomes.merge(o.id(), o, (old, now) -> old.isFinal() && !now.isFinal() ? old : now);
    }

    private void answered(CitizenReply r) {
        if (r.number() != null && r.id().startsWith("answer/")) {
            List<CitizenReply> list = answers.computeIfAbsent(r.number(), n -> new CopyOnWriteArrayList<>());
            if (list.stream().noneMatch(a -> a.id().equals(r.id()))) {
                list.add(r);
            }
        }
    }

    /** Hands a reply to the notifier; completes once Kafka took it. */
    public Future<Void> tell(CitizenReply reply) {
        return writer.write(ComplaintTopics.CITIZEN_REPLY_REQUESTS, reply.id(), reply).map(meta -> {
            answered(reply);
            return null;
        });
    }

    /** What the notifier made of a reply, if it answered yet. */
    public Optional<CitizenReplyOutcome> outcome(String replyId) {
        return Optional.ofNullable(replyId == null ? null : outcomes.get(replyId));
    }

    /** Every reply about the complaint, oldest first, each with its outcome ({@code state}, {@code detail}). */
    public List<Map<String, Object>> view(Complaint c) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ComplaintReply r : c.replies()) {
            out.add(reply(r.id(), r.purpose(), r.channel(), r.text(), r.state(), r.at()));
        }
        for (CitizenReply a : answers.getOrDefault(c.number(), List.of())) {
            out.add(reply(a.id(), a.purpose(), a.channel(), a.text(), "pending", a.at()));
        }
        out.sort(Comparator.comparing(m -> ((OffsetDateTime) m.get("at")).toInstant()));
        return out;
    }

    private Map<String, Object> reply(String id, String purpose, String channel, String text, String stored,
                                      OffsetDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        if (purpose != null) {
            m.put("purpose", purpose);
        }
        m.put("channel", channel);
        m.put("text", text);
        Optional<CitizenReplyOutcome> o = outcome(id);
        m.put("state", o.map(CitizenReplyOutcome::state).orElse(stored));
        o.map(CitizenReplyOutcome::detail).ifPresent(d -> m.put("detail", d));
        o.map(CitizenReplyOutcome::at).ifPresent(t -> m.put("outcomeAt", t));
        m.put("at", at);
        return m;
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
