package org.warroom.streams.backlog;

import java.time.OffsetDateTime;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.warroom.contracts.event.DeadLetter;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.DeadLetterHandlers;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.StoreSupport;

/**
 * Backlogs of complaint tickets per district × department.
 *
 * <ul>
 *   <li>In: {@code warroom.tickets} (ticket id → {@code TicketStep}).</li>
 *   <li>Stage 1, keyed by ticket ({@link TicketLifecycleProcessor}, store {@value #TICKET_STORE}): the ticket's life,
 *       duplicates dropped; unknown resolves go to {@code warroom.deadletter} (key {@code warroom.tickets}).</li>
 *   <li>Stage 2, repartition topic {@value #REPARTITION} keyed {@code district|department} ({@link BacklogProcessor},
 *       stores {@value #OPEN_STORE}, {@value #OPEN_SINCE_STORE}, {@value #COUNT_STORE}, {@value #DEADLINE_STORE}
 *       (open tickets, their counters and indexes: {@link OpenTickets}), the hour's distinct opened and resolved tickets
 *       ({@link ExpiringIds} {@value #OPENED} and {@value #RESOLVED}), {@value #UNKNOWN_RESOLVES_STORE},
 *       {@value #RESULT_STORE}).
 *       </li>
 *   <li>Out: {@code warroom.backlogs} ({@code district|department} → {@link BacklogStatus}), one record per change.</li>
 * </ul>
 *
 * <p>SLA: a ticket breaches when open for longer than {@code sla.<category>} by the wall clock (health 1 h,
 * medicine 4 h, others 24 h by default), re-evaluated every {@code streams.punctuate.interval}.
 * {@code openedLastHour}/{@code resolvedLastHour} count distinct tickets whose opened-or-reopened / resolved step has
 * {@code at} within the last hour.
 */
public final class BacklogTopology {
    public static final String TICKET_STORE = "backlog-tickets";
    public static final String REPARTITION = "backlog-changes";
    public static final String OPEN_STORE = "backlog-open";
    public static final String OPEN_SINCE_STORE = "backlog-open-since";
    public static final String COUNT_STORE = "backlog-counts";
    public static final String DEADLINE_STORE = "backlog-deadlines";
    /** Tickets opened or reopened in the last hour ({@link ExpiringIds}: stores {@code backlog-opened-seen}, {@code -expiry}, {@code -counts}). */
    public static final String OPENED = "backlog-opened";
    /** Tickets resolved in the last hour ({@link ExpiringIds}). */
    public static final String RESOLVED = "backlog-resolved";
    public static final String UNKNOWN_RESOLVES_STORE = "backlog-unknown-resolves";
    public static final String RESULT_STORE = "backlog-results";

    private static final JsonSerde<TicketStep> STEP_SERDE = JsonSerde.of(TicketStep.class);

    private BacklogTopology() {
    }

    /** The backlog computation under the configured SLAs only. */
    public static KStream<String, BacklogStatus> build(Sources sources, Rules rules) {
        return build(sources, rules, LiveSettings.fixed(rules));
    }

    /**
     * Adds the backlog computation; writes {@code warroom.backlogs} and returns the same results. A ticket's SLA is
     * the one in force in {@code settings} when its opening (or reopening) is processed.
     */
    public static KStream<String, BacklogStatus> build(Sources sources, Rules rules, LiveSettings settings) {
        StoreSupport.addStore(sources.builder(), TICKET_STORE, TicketState.class);
        StoreSupport.addStore(sources.builder(), OPEN_STORE, OpenTicket.class);
        StoreSupport.addStore(sources.builder(), OPEN_SINCE_STORE, OffsetDateTime.class);
        StoreSupport.addStore(sources.builder(), COUNT_STORE, BacklogCounts.class);
        StoreSupport.addStore(sources.builder(), DEADLINE_STORE, TicketRef.class);
        ExpiringIds.addStores(sources.builder(), OPENED);
        ExpiringIds.addStores(sources.builder(), RESOLVED);
        StoreSupport.addStore(sources.builder(), UNKNOWN_RESOLVES_STORE, Integer.class);
        StoreSupport.addStore(sources.builder(), RESULT_STORE, BacklogStatus.class);

        KStream<String, TicketChange> changes = sources.stream(Topics.TICKETS)
                .process(TicketLifecycleProcessor::new, Named.as("backlog-ticket-lifecycle"), TICKET_STORE);

        KStream<String, DeadLetter> anomalies = changes
                .filter((key, change) -> change.anomaly(), Named.as("backlog-unknown-resolves"))
                .mapValues(change -> DeadLetterHandlers.deadLetter(Topics.TICKETS.name(),
                        "resolve for unknown ticket " + change.ticket(),
                        STEP_SERDE.toBytes(change.step()),
                        change.at().toInstant()), Named.as("backlog-unknown-resolve-letters"))
                .selectKey((key, letter) -> letter.feed(), Named.as("backlog-unknown-resolve-key"));
        Sources.to(anomalies, Topics.DEAD_LETTER, "sink-backlog-deadletter");

        KStream<String, BacklogStatus> results = changes
                // Why: a department's backlog gathers tickets from every partition of the tickets topic.
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(TicketChange.class)).withName(REPARTITION))
                .process(() -> new BacklogProcessor(rules, settings), Named.as("backlog-processor"), processorStores());
        Sources.to(results, ResultTopics.BACKLOGS);
        return results;
    }

    private static String[] processorStores() {
        return ExpiringIds.storeNamesWith(OPENED, ExpiringIds.storeNamesWith(RESOLVED, OPEN_STORE, OPEN_SINCE_STORE,
                COUNT_STORE, DEADLINE_STORE, UNKNOWN_RESOLVES_STORE, RESULT_STORE));
    }
}
