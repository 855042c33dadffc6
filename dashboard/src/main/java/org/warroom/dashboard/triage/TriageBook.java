package org.warroom.dashboard.triage;

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
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.PlaceSuggestions;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.topic.Topics;
import org.warroom.contracts.triage.AliasLearning;
import org.warroom.contracts.triage.AliasProposal;
import org.warroom.contracts.triage.AliasStatus;
import org.warroom.contracts.triage.LearnedAliases;
import org.warroom.contracts.triage.Placement;
import org.warroom.contracts.triage.PlacementRules;
import org.warroom.contracts.triage.TriageRefused;
import org.warroom.contracts.triage.TriageTopics;
import org.warroom.vertxkafka.CompactedReader;
import org.warroom.vertxkafka.TopicWriter;

/**
 * Every placement and proposed alias, read from {@code warroom.placements} and {@code warroom.district-aliases} from
 * the beginning at start and followed, and the one way they are written (docs/TRIAGE.md).
 *
 * <p>Placing: the audit first, then the placed copy of the message on {@code warroom.messages} (same id: streams and
 * the indexer take it once however often it comes), then the placement, then the proposal its spelling feeds. While
 * one placing of a message is being stored any other is refused as stale (409); once stored, the placement is there
 * and refuses every later one. Deciding an alias: likewise, per proposal, on the version the administrator saw.
 */
public final class TriageBook {
    private final Map<String, Placement> placements = new ConcurrentHashMap<>();
    private final Map<String, AliasProposal> proposals = new ConcurrentHashMap<>();
    private final Set<String> storing = ConcurrentHashMap.newKeySet();
    private final TopicWriter writer;
    private final DistrictDirectory shipped;
    private final StateDirectory states;
    private volatile DistrictDirectory known;
    private volatile PlaceSuggestions suggestions;
    private CompactedReader reader;

    public TriageBook(TopicWriter writer, DistrictDirectory districts, StateDirectory states) {
        this.writer = writer;
        this.shipped = districts;
        this.states = states;
        this.known = districts;
        this.suggestions = new PlaceSuggestions(districts, states);
    }

    /** Loads every placement and proposal; completes once caught up. */
    public Future<Void> start(Vertx vertx, KafkaSettings kafka, String instance) {
        reader = new CompactedReader(vertx, kafka, "warroom-dashboard-triage-" + instance,
                List.of(TriageTopics.PLACEMENTS.name(), TriageTopics.ALIASES.name()),
                (topic, key, value, partition, offset) -> {
                    if (value == null) {
                        return;
                    }
                    if (topic.equals(TriageTopics.PLACEMENTS.name())) {
                        placements.putIfAbsent(key, TriageTopics.PLACEMENTS.valueSerde().deserializer().deserialize(topic, value));
                    } else {
                        apply(TriageTopics.ALIASES.valueSerde().deserializer().deserialize(topic, value));
                    }
                });
        return reader.start();
    }

    private void apply(AliasProposal p) {
        AliasProposal before = proposals.get(p.key());
        if (before != null && before.version() > p.version()) {
            return;
        }
        proposals.put(p.key(), p);
        boolean acceptedChanged = (before != null && before.status() == AliasStatus.ACCEPTED) != (p.status() == AliasStatus.ACCEPTED);
        if (acceptedChanged) {
            DistrictDirectory learned = LearnedAliases.apply(shipped, proposals.values());
            known = learned;
            suggestions = new PlaceSuggestions(learned, states);
        }
    }

    public Optional<Placement> placement(String messageId) {
        return Optional.ofNullable(placements.get(messageId));
    }

    /** The ids of every placed message. */
    public Collection<String> placedIds() {
        return placements.keySet();
    }

    public Optional<AliasProposal> proposal(String key) {
        return Optional.ofNullable(proposals.get(key));
    }

    public Collection<AliasProposal> proposals() {
        return proposals.values();
    }

    /** Suggestions from the district table with the accepted aliases. */
    public PlaceSuggestions suggestions() {
        return suggestions;
    }

    /** The district table with the accepted aliases. */
    public DistrictDirectory districts() {
        return known;
    }

    /**
     * Places {@code message} in {@code district}; {@code audit} runs with the placement before anything is stored and
     * must succeed first. Fails with {@link TriageRefused} when the message was placed already (or is being placed).
     */
    public Future<Placement> place(CitizenMessage message, long seenVersion, District district, String spelling,
                                   String by, OffsetDateTime at, Function<Placement, Future<?>> audit) {
        String messageId = message.id();
        if (!storing.add(messageId)) {
            return Future.failedFuture(new TriageRefused(TriageRefused.Reason.STALE, "version", "message " + messageId
                    + " is being placed by someone else right now; reload the queue", 0, null));
        }
        Future<Placement> stored;
        try {
            Placement p = PlacementRules.place(message, placements.get(messageId), seenVersion, district, spelling, by, at);
            stored = audit.apply(p)
                    .compose(v -> writer.write(Topics.MESSAGES, messageId, message.placedIn(district.code())))
                    .compose(v -> writer.write(TriageTopics.PLACEMENTS, messageId, p))
                    .compose(v -> {
                        placements.putIfAbsent(messageId, p);
                        return propose(p, at);
                    })
                    .map(p);
        } catch (TriageRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove(messageId));
    }

    private Future<Void> propose(Placement p, OffsetDateTime at) {
        String key = p.spelling() == null ? null : AliasProposal.key(p.spelling(), p.district());
        Optional<AliasProposal> next = AliasLearning.afterPlacement(p, key == null ? null : proposals.get(key), known, at);
        if (next.isEmpty()) {
            return Future.succeededFuture();
        }
        return writer.write(TriageTopics.ALIASES, next.get().key(), next.get()).map(meta -> {
            apply(next.get());
            return null;
        });
    }

    /** Accepts or rejects a proposal; {@code audit} runs first. Fails with {@link TriageRefused}. */
    public Future<AliasProposal> decide(AliasProposal current, AliasStatus decision, long seenVersion, String by,
                                        OffsetDateTime at, Function<AliasProposal, Future<?>> audit) {
        if (!storing.add("alias:" + current.key())) {
            return Future.failedFuture(new TriageRefused(TriageRefused.Reason.STALE, "version", "another decision on '"
                    + current.spelling() + "' is being stored; reload it", current.version(), current));
        }
        Future<AliasProposal> stored;
        try {
            AliasProposal latest = proposals.getOrDefault(current.key(), current);
            AliasProposal next = AliasLearning.decide(latest, decision, seenVersion, by, at, proposals.values());
            stored = audit.apply(next).compose(v -> writer.write(TriageTopics.ALIASES, next.key(), next)).map(meta -> {
                apply(next);
                return next;
            });
        } catch (TriageRefused e) {
            stored = Future.failedFuture(e);
        }
        return stored.onComplete(ar -> storing.remove("alias:" + current.key()));
    }

    public Future<Void> close() {
        return reader == null ? Future.succeededFuture() : reader.close();
    }
}
