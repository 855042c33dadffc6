package org.warroom.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.warroom.contracts.trace.TraceIds;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.topic.Topics;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.Outgoing;
import org.warroom.ingest.kafka.FeedProducer;
import org.warroom.ingest.metrics.IngestMetrics;
import org.warroom.ingest.validate.LineError;
import org.warroom.ingest.validate.Problem;

/**
 * Delivers one decoded batch: accepted events to their topics, refused lines to {@code warroom.deadletter} with
 * their reasons, and returns only when Kafka acknowledged all of them. Blocking: run it on a worker thread.
 */
public final class Deliverer {
    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);
    /** At most this many characters of a refused line are kept in the dead-letter topic. */
    public static final int MAX_RAW = 4096;

    private final FeedProducer producer;
    private final IngestMetrics metrics;
    private final Duration timeout;
    private final int maxErrorsShown;
    private final Clock clock;

    public Deliverer(FeedProducer producer, IngestMetrics metrics, Duration timeout, int maxErrorsShown, Clock clock) {
        this.producer = producer;
        this.metrics = metrics;
        this.timeout = timeout;
        this.maxErrorsShown = maxErrorsShown;
        this.clock = clock;
    }

    /**
     * @param feed            the feed (or webhook) name, for dead letters and metrics
     * @param source          who sent it, for dead letters
     * @param districtAllowed whether the sender may send for a district; a line for another district is refused
     * @throws KafkaUnavailableException when Kafka did not acknowledge every record in time
     */
    public Delivery deliver(String feed, String source, List<Item> items, Predicate<String> districtAllowed) {
        return deliver(feed, source, items, districtAllowed, TraceIds.fresh());
    }

    /**
     * As {@link #deliver(String, String, List, Predicate)}, every record (accepted or dead letter) carrying the
     * correlation id {@code traceId} in its {@value TraceIds#KAFKA_HEADER} header, and this thread's log lines its
     * {@value TraceIds#LOG_FIELD} (docs/LOGGING.md).
     */
    public Delivery deliver(String feed, String source, List<Item> items, Predicate<String> districtAllowed,
                            String traceId) {
        try (MDC.MDCCloseable trace = MDC.putCloseable(TraceIds.LOG_FIELD, traceId)) {
            return deliverTraced(feed, source, items, districtAllowed, traceId);
        }
    }

    private Delivery deliverTraced(String feed, String source, List<Item> items, Predicate<String> districtAllowed,
                                   String traceId) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(items.size());
        List<LineError> errors = new ArrayList<>();
        int accepted = 0;
        int rejected = 0;
        int unlocated = 0;
        boolean forbiddenOnly = true;
        for (Item item : items) {
            Decoded decoded = item.decoded();
            List<Problem> problems = decoded.problems();
            Outgoing<?> event = decoded.event();
            if (event != null && event.district() != null && !districtAllowed.test(event.district())) {
                problems = List.of(new Problem(event.districtField(),
                        "this API key may not send events for district " + event.district()));
                event = null;
            } else if (event == null) {
                forbiddenOnly = false;
            }
            if (event != null) {
                records.add(traced(FeedProducer.record(event), traceId));
                accepted++;
                if (event.value() instanceof CitizenMessage m && m.unlocated()) {
                    unlocated++;
                }
            } else {
                rejected++;
                for (Problem p : problems) {
                    if (errors.size() < maxErrorsShown) {
                        errors.add(p.at(item.line()));
                    }
                }
                records.add(traced(FeedProducer.record(deadLetter(feed, source, item, problems)), traceId));
            }
        }
        try {
            producer.sendAll(records).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            metrics.kafkaUnavailable(feed);
            LOG.warn("Kafka did not acknowledge a batch of {} {} records: {}", records.size(), feed, cause.toString());
            throw new KafkaUnavailableException("Kafka did not acknowledge the events: " + cause.getClass().getSimpleName(), cause);
        }
        metrics.accepted(feed, accepted);
        if (rejected > 0) {
            // One line per batch with refused lines (never their content): where to look, by trace.id.
            LOG.info("{}: {} accepted, {} refused to {}", feed, accepted, rejected, Topics.DEAD_LETTER.name());
            metrics.rejected(feed, rejected);
            metrics.deadLettered(feed, rejected);
        }
        if (unlocated > 0) {
            metrics.unlocatedMessages(unlocated);
        }
        return new Delivery(accepted, rejected, errors, rejected > 0 && forbiddenOnly);
    }

    private static ProducerRecord<byte[], byte[]> traced(ProducerRecord<byte[], byte[]> record, String traceId) {
        TraceIds.put(record.headers(), traceId);
        return record;
    }

    private Outgoing<DeadLetter> deadLetter(String feed, String source, Item item, List<Problem> problems) {
        Problem first = problems.isEmpty() ? new Problem(null, "refused") : problems.get(0);
        String reason = problems.size() == 1 ? first.reason()
                : problems.stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.reason())
                        .collect(Collectors.joining("; "));
        String raw = item.raw() == null ? null
                : item.raw().length() > MAX_RAW ? item.raw().substring(0, MAX_RAW) : item.raw();
        DeadLetter dl = new DeadLetter(feed, source, item.line(), first.field(), reason, raw, "ingest", clock.instant());
        return new Outgoing<>(Topics.DEAD_LETTER, feed, dl, null);
    }
}
