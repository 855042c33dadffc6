package org.warroom.tools.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The exact comparison, per kind of event: the ids ingest acknowledged (the ledgers) against the ids in the raw
 * Kafka topic, the documents in Elasticsearch (by id), and the live count on the dashboard; and the refused events
 * against the dead-letter topic. Holds only figures; {@link #problems()} lists every mismatch in words.
 */
public final class Reconciliation {
    /** Figures of one kind of event. */
    public record Figures(String kind, long accepted, long kafkaDistinct, long kafkaRecords, long kafkaMissing,
            long kafkaExtra, long indexed, long indexMissing, long indexDuplicated, long indexTotal, long liveExpected,
            long live) {
    }

    private final List<Figures> figures = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private long rejected;
    private long deadLettered;
    private long deadLetterCopies;

    /** Compares one kind; {@code live} −1 when the live results have no exact count for it. */
    public void compare(LoadEvent.Kind kind, Set<String> accepted, Map<String, Integer> kafka,
            Map<String, Integer> index, long indexTotal, long liveExpected, long live) {
        Set<String> kafkaMissing = new HashSet<>(accepted);
        kafkaMissing.removeAll(kafka.keySet());
        Set<String> kafkaExtra = new HashSet<>(kafka.keySet());
        kafkaExtra.removeAll(accepted);
        long records = kafka.values().stream().mapToLong(Integer::longValue).sum();
        long indexMissing = accepted.stream().filter(id -> !index.containsKey(id)).count();
        long duplicated = index.values().stream().filter(n -> n > 1).count();
        Figures f = new Figures(kind.name().toLowerCase(), accepted.size(), kafka.size(), records, kafkaMissing.size(),
                kafkaExtra.size(), index.size(), indexMissing, duplicated, indexTotal, liveExpected, live);
        figures.add(f);
        if (!kafkaMissing.isEmpty()) {
            problems.add(f.kind() + ": " + kafkaMissing.size() + " accepted events missing in " + kind.topic()
                    + ", e.g. " + kafkaMissing.iterator().next());
        }
        if (!kafkaExtra.isEmpty()) {
            problems.add(f.kind() + ": " + kafkaExtra.size() + " events in " + kind.topic()
                    + " that ingest never acknowledged, e.g. " + kafkaExtra.iterator().next());
        }
        if (indexMissing > 0) {
            problems.add(f.kind() + ": " + indexMissing + " accepted events have no document in Elasticsearch");
        }
        if (duplicated > 0) {
            problems.add(f.kind() + ": " + duplicated + " events have more than one document in Elasticsearch");
        }
        if (indexTotal != accepted.size()) {
            problems.add(f.kind() + ": Elasticsearch holds " + indexTotal + " documents for " + accepted.size()
                    + " accepted events");
        }
        if (live >= 0 && live != liveExpected) {
            problems.add(f.kind() + ": the live results count " + live + ", expected " + liveExpected);
        }
    }

    /** Compares the refused events with the dead letters of ingest. */
    public void compareRejected(Set<String> refused, Map<String, Integer> deadLetters) {
        rejected = refused.size();
        deadLettered = refused.stream().filter(deadLetters::containsKey).count();
        deadLetterCopies = refused.stream().mapToLong(id -> deadLetters.getOrDefault(id, 0)).sum();
        if (deadLettered != rejected) {
            problems.add((rejected - deadLettered) + " refused events are not in warroom.deadletter");
        }
    }

    public void problem(String text) {
        problems.add(text);
    }

    public List<Figures> figures() {
        return figures;
    }

    public List<String> problems() {
        return problems;
    }

    public boolean exact() {
        return problems.isEmpty();
    }

    /** The figures as one JSON-able map. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("exact", exact());
        s.put("kinds", figures);
        s.put("rejected", rejected);
        s.put("deadLettered", deadLettered);
        s.put("deadLetterCopies", deadLetterCopies);
        s.put("problems", problems);
        return s;
    }

    /** The live count the dashboard's overview gives for a kind, −1 when it has none. */
    static long liveCount(LoadEvent.Kind kind, JsonNode overview) {
        String field = switch (kind) {
            case WORKER -> "workersTracked";
            case TICKET -> "openTickets";
            case CALL -> "callsInProgress";
            case MESSAGE -> "unlocatedMessagesLastHour";
            case INVALID -> null;
        };
        return field == null || overview == null || !overview.has(field) ? -1 : overview.path(field).asLong();
    }
}
