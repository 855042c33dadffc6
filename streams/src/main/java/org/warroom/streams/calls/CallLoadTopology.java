package org.warroom.streams.calls;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.ControlRoomLines;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.StoreSupport;

/**
 * Call load per helpline line; each district control room its own line ({@code district-control:<lgd>},
 * {@link ControlRoomLines}).
 *
 * <ul>
 *   <li>In: {@code warroom.calls} (call id → {@code CallStep}).</li>
 *   <li>Through: {@link LineAnnouncer} (once per start, one announcement per configured line, so that the task
 *       owning a line announces it); repartition topic {@value #REPARTITION} keyed by line (the steps of one call stay in order: they
 *       come from one partition and go to one); {@link CallLoadProcessor} with stores {@value #CALL_STORE}
 *       ({@code line|call} → call), {@value #LAST_STEP_STORE} (calls by
 *       last step), {@value #LINE_STORE} (line → in progress, waiting, expired), the window of starts
 *       {@value #STARTS},
 *       {@value #RESULT_STORE} (line → last emitted load).</li>
 *   <li>Out: {@code warroom.call-load} (line → {@link LineLoad}), one record per change, at most one per line per {@code calls.emit.interval} (the latest state).</li>
 * </ul>
 */
public final class CallLoadTopology {
    public static final String REPARTITION = "call-load-input";
    public static final String CALL_STORE = "call-load-calls";
    /** Calls by the time of their last step ({@code time␀line|call} → {@code line|call}), to find stuck ones. */
    public static final String LAST_STEP_STORE = "call-load-last-step";
    public static final String LINE_STORE = "call-load-line-counts";
    /** Starts in the rate window ({@link ExpiringIds}: stores {@code call-load-starts-seen}, {@code -expiry}, {@code -counts}). */
    public static final String STARTS = "call-load-starts";
    public static final String RESULT_STORE = "call-load-results";

    private CallLoadTopology() {
    }

    /** The call-load computation under the configured capacities only. */
    public static KStream<String, LineLoad> build(Sources sources, Rules rules) {
        return build(sources, rules, LiveSettings.fixed(rules));
    }

    /**
     * Adds the call-load computation; writes {@code warroom.call-load} and returns the same results, each line's
     * capacity the one in force in {@code settings} (a change shows at the next punctuation).
     */
    public static KStream<String, LineLoad> build(Sources sources, Rules rules, LiveSettings settings) {
        StoreSupport.addStore(sources.builder(), CALL_STORE, CallState.class);
        sources.builder().addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_STEP_STORE),
                Serdes.String(), Serdes.String()));
        StoreSupport.addStore(sources.builder(), LINE_STORE, LineCounters.class);
        ExpiringIds.addStores(sources.builder(), STARTS);
        StoreSupport.addStore(sources.builder(), RESULT_STORE, LineLoad.class);
        KStream<String, LineLoad> results = sources.stream(Topics.CALLS)
                .filter((key, step) -> step != null && step.line() != null && step.call() != null
                        && step.event() != null && step.at() != null, Named.as("call-load-valid"))
                // Why: each district control room is a line of its own (district-control:<lgd>); the feed keeps the
                // shared name, so old events and senders that name only district-control count per district too.
                .mapValues(step -> withLoadLine(step), Named.as("call-load-control-rooms"))
                .process(() -> new LineAnnouncer(rules), Named.as("call-load-announce"))
                .selectKey((key, step) -> step.line(), Named.as("call-load-by-line"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(CallStep.class)).withName(REPARTITION))
                .process(() -> new CallLoadProcessor(rules, settings), Named.as("call-load-processor"),
                        stores());
        Sources.to(results, ResultTopics.CALL_LOAD);
        return results;
    }

    static CallStep withLoadLine(CallStep s) {
        String line = ControlRoomLines.loadLine(s.line(), s.district());
        return line.equals(s.line()) ? s
                : new CallStep(s.id(), s.call(), line, s.district(), s.event(), s.at(), s.caller(), s.agent(), s.source());
    }

    private static String[] stores() {
        return ExpiringIds.storeNamesWith(STARTS, CALL_STORE, LAST_STEP_STORE, LINE_STORE, RESULT_STORE);
    }
}
