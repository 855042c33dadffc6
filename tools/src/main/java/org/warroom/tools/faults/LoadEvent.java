package org.warroom.tools.faults;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event of the reconciliation load: every event has a unique id under the run's prefix, and each kind is chosen
 * so that the live results count it exactly — a new worker adds one to the registry total, a newly opened ticket one
 * to the open backlog, a started (never ended) call one to the calls in progress, a message that names no district
 * one to the unlocated messages of the last hour. Every hundredth event is invalid on purpose (a worker with an
 * unknown status) and must be refused and dead-lettered.
 *
 * @param kind what it counts as
 * @param id   the event id (the document id in Elasticsearch)
 * @param at   its event time (epoch millis)
 * @param body the JSON object sent to ingest
 */
public record LoadEvent(Kind kind, String id, long at, Map<String, Object> body) {

    /** The kinds of load event, with the feed each is sent to and the topic it lands in. */
    public enum Kind {
        WORKER("workers", "warroom.workers"),
        TICKET("calls", "warroom.tickets"),
        CALL("calls", "warroom.calls"),
        MESSAGE("messages", "warroom.messages"),
        INVALID("workers", "warroom.deadletter");

        private final String feed;
        private final String topic;

        Kind(String feed, String topic) {
            this.feed = feed;
            this.topic = topic;
        }

        public String feed() {
            return feed;
        }

        public String topic() {
            return topic;
        }

        /** The kinds that are accepted (everything but {@link #INVALID}). */
        public static List<Kind> accepted() {
            return List.of(WORKER, TICKET, CALL, MESSAGE);
        }
    }

    private static final String[] DISTRICTS = {"396", "410", "212", "230", "406"};
    private static final String[] LINES = {"181", "104", "1075", "district-control", "worker-helpline"};

    /**
     * The {@code n}-th event of run {@code run}: 40 % workers, 25 % tickets, 10 % calls, 24 % messages, 1 % invalid.
     */
    public static LoadEvent nth(String run, long n, long now) {
        String at = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneOffset.ofHoursMinutes(5, 30))
                .toString();
        String district = DISTRICTS[(int) (n % DISTRICTS.length)];
        String id = run + "-" + n;
        int slot = (int) (n % 100);
        Map<String, Object> b = new LinkedHashMap<>();
        if (slot == 99) {
            b.put("id", "w-" + id);
            b.put("name", "Load Worker " + n);
            b.put("phone", "+9199" + String.format("%08d", n % 100_000_000));
            b.put("homeDistrict", district);
            b.put("status", "lost");
            b.put("source", "registry");
            return new LoadEvent(Kind.INVALID, "w-" + id, now, b);
        }
        if (slot < 40) {
            b.put("id", "w-" + id);
            b.put("name", "Load Worker " + n);
            b.put("phone", "+9199" + String.format("%08d", n % 100_000_000));
            b.put("homeDistrict", district);
            b.put("skills", List.of("mason"));
            b.put("status", "home");
            b.put("source", "registry");
            return new LoadEvent(Kind.WORKER, "w-" + id, now, b);
        }
        if (slot < 65) {
            b.put("id", "t-" + id + "-open");
            b.put("kind", "ticket");
            b.put("ticket", "t-" + id);
            b.put("district", district);
            b.put("department", "Load Test Cell");
            b.put("category", "other");
            b.put("event", "opened");
            b.put("at", at);
            return new LoadEvent(Kind.TICKET, "t-" + id + "-open", now, b);
        }
        if (slot < 75) {
            b.put("id", "c-" + id + "-start");
            b.put("kind", "call");
            b.put("call", "c-" + id);
            b.put("line", LINES[(int) ((n / 100) % LINES.length)]);
            b.put("district", district);
            b.put("event", "started");
            b.put("at", at);
            b.put("caller", "+9198" + String.format("%08d", n % 100_000_000));
            return new LoadEvent(Kind.CALL, "c-" + id + "-start", now, b);
        }
        b.put("id", "m-" + id);
        b.put("channel", "sms");
        b.put("from", "+9197" + String.format("%08d", n % 100_000_000));
        b.put("text", "please help, load test message " + n);
        b.put("at", at);
        b.put("language", "en");
        return new LoadEvent(Kind.MESSAGE, "m-" + id, now, b);
    }
}
