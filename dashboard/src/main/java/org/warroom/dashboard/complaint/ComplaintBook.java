package org.warroom.dashboard.complaint;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.warroom.contracts.complaint.ActionRequest;
import org.warroom.contracts.complaint.CitizenReplies;
import org.warroom.contracts.complaint.CitizenReply;
import org.warroom.contracts.complaint.Complaint;
import org.warroom.contracts.complaint.ComplaintLifecycle;
import org.warroom.contracts.complaint.ComplaintNumber;
import org.warroom.contracts.complaint.ComplaintNumbers;
import org.warroom.contracts.complaint.ComplaintRefused;
import org.warroom.contracts.complaint.ComplaintTickets;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.complaint.Registration;
import org.warroom.contracts.complaint.RoutingTable;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.text.Words;
import org.warroom.contracts.topic.Topics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * The grievance desk's book: every complaint and the routing table, read from their compacted topics from the
 * beginning at start (so numbering continues after the highest stored number) and followed; and the one way they
 * are written. A step is stored as its ticket step on {@code warroom.tickets} first (id {@code number/v<version>}:
 * a retry after a failure repeats the same step, dropped downstream), then as the complaint's new version; it is
 * answered only after both were acknowledged. What the citizen is told ({@link CitizenReplies}) is part of the
 * same version.
 *
 * <p>Concurrency: an action names the version it saw; while one action on a complaint is being stored, any other
 * on it is refused as stale, and once stored the version has moved on — so of two officers acting at once exactly
 * one wins and the other gets the current complaint.
 */
public final class ComplaintBook {
    private final Map<String, Complaint> complaints = new ConcurrentHashMap<>();
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final ComplaintNumbers numbers;
    private final ComplaintLifecycle lifecycle;
    private final TopicWriter writer;
    private final CitizenReplies replies = new CitizenReplies(Words.bundled());
    private final CitizenReplyLog replyLog;
    private volatile RoutingTable routing = RoutingTable.defaults();
    private CompactedReader reader;

    public ComplaintBook(ComplaintNumbers numbers, ComplaintLifecycle lifecycle, TopicWriter writer) {
        this.numbers = numbers;
        this.lifecycle = lifecycle;
        this.writer = writer;
        this.replyLog = new CitizenReplyLog(writer);
    }

    /** Loads every complaint and the routing table; completes once caught up. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-complaints-" + instance,
                List.of(ComplaintTopics.COMPLAINTS.name(), ComplaintTopics.ROUTING.name()),
                (topic, key, value, partition, offset) -> {
                    if (ComplaintTopics.ROUTING.name().equals(topic)) {
                        routing = value == null ? RoutingTable.defaults()
                                : ComplaintTopics.ROUTING.valueSerde().deserializer().deserialize(topic, value);
                    } else if (value != null) {
                        apply(ComplaintTopics.COMPLAINTS.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return Future.all(reader.start(), replyLog.start(vertx, kafka, instance)).mapEmpty();
    }

    /** What the citizens were told and what became of it. */
    public CitizenReplyLog replies() {
        return replyLog;
    }

    /** The citizens' words for replies. */
    public CitizenReplies words() {
        return replies;
    }

    private void apply(Complaint complaint) {
        ComplaintNumber.parse(complaint.number()).ifPresent(numbers::observe);
        complaints.merge(complaint.number(), complaint, (old, now) -> now.version() >= old.version() ? now : old);
    }

    public Optional<Complaint> find(String number) {
        return ComplaintNumber.parse(number).map(n -> complaints.get(n.toString()));
    }

    public Collection<Complaint> all() {
        return complaints.values();
    }

    public RoutingTable routing() {
        return routing;
    }

    /**
     * Numbers, routes and stores a new complaint. {@code audit} runs with the complaint before it is stored and
     * must succeed first (every step audited).
     */
    public Future<Complaint> register(District district, Registration registration, String by, OffsetDateTime at,
                                      Function<Complaint, Future<?>> audit) {
        ComplaintNumber number = numbers.next(district);
        Complaint complaint = replies.withReply(lifecycle.register(number, registration,
                routing.route(registration.category(), district.code()), by, at));
        return audit.apply(complaint).compose(v -> store(complaint));
    }

    /**
     * Applies an action to a stored complaint; fails with {@link ComplaintRefused} (stale, not allowed, invalid)
     * leaving it unchanged. {@code audit} as for {@link #register}.
     */
    public Future<Complaint> act(Complaint current, ActionRequest request, String by, OffsetDateTime at,
                                 Function<Complaint, Future<?>> audit) {
        if (!storing.add(current.number())) {
            return Future.failedFuture(new ComplaintRefused(ComplaintRefused.Reason.STALE, "version",
                    "another action on " + current.number() + " is being stored; reload it", current));
        }
        Complaint latest = complaints.getOrDefault(current.number(), current);
        Future<Complaint> stored;
        try {
            Complaint next = replies.withReply(lifecycle.act(latest, request, by, at));
            stored = audit.apply(next).compose(v -> store(next));
        } catch (ComplaintRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove(current.number()));
    }

    /** Stores a routing table an administrator gave (checked and audited by the caller). */
    public Future<RoutingTable> saveRouting(RoutingTable table) {
        return writer.write(ComplaintTopics.ROUTING, RoutingTable.KEY, table).map(meta -> {
            routing = table;
            return table;
        });
    }

    /**
     * Ticket step (a rating is none), then the reply to the citizen handed to the notifier (same id on a retry: sent
     * once), then the complaint's version.
     */
    private Future<Complaint> store(Complaint complaint) {
        CitizenReply reply = CitizenReplies.request(complaint);
        Future<?> ticket = ComplaintTickets.isTicketStep(complaint)
                ? writer.write(Topics.TICKETS, complaint.number(), ComplaintTickets.stepOf(complaint))
                : Future.succeededFuture();
        return ticket.compose(meta -> reply == null ? Future.succeededFuture() : replyLog.tell(reply))
                .compose(meta -> writer.write(ComplaintTopics.COMPLAINTS, complaint.number(), complaint))
                .map(meta -> {
                    apply(complaint);
                    return complaint;
                });
    }

    public Future<Void> close() {
        return Future.join(reader == null ? Future.succeededFuture() : reader.close(), replyLog.close()).mapEmpty();
    }
}
