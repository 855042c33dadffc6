package org.warroom.streams.shortage;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.TicketEventType;
import org.warroom.contracts.event.TicketStep;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.StoreSupport;
import org.warroom.streams.support.Times;

/**
 * Live shortages per district × commodity.
 *
 * <ul>
 *   <li>In: {@code warroom.reports} (district → {@code DistrictReport}); {@code warroom.messages}
 *       (message id → {@code CitizenMessage}, those with a district and recognised commodities);
 *       {@code warroom.tickets} (ticket id → {@code TicketStep}, {@code opened}/{@code reopened} steps about a
 *       commodity).</li>
 *   <li>Through: repartition topic {@value #REPARTITION} keyed by district; stores {@value #STOCK_STORE}
 *       ({@code district|commodity} → latest stock), {@value #SIGNALS} ({@link ExpiringIds}: {@code district|commodity} → ids and
 *       times of recent signals) and {@value #RESULT_STORE} ({@code district|commodity} → last emitted result).</li>
 *   <li>Out: {@code warroom.shortages} ({@code district|commodity} → {@link ShortageStatus}), one record per change.</li>
 * </ul>
 *
 * <p>A report replaces the stored stock only when its {@code at} is later than the stored one (a late, older report
 * is ignored). {@code signalsLastHour} is exact: each signal's id and {@code at} are kept while
 * {@code at > now − signals.window} (now = wall clock), duplicates by id removed, and the count is re-evaluated by a
 * wall-clock punctuator, as is staleness. See {@link ShortageProcessor} for the burn rate and prediction.
 */
public final class ShortageTopology {
    public static final String REPARTITION = "shortage-input";
    public static final String STOCK_STORE = "shortage-stock";
    /** Signals of the last hour, distinct by id ({@link ExpiringIds}: stores {@code shortage-signals-seen}, {@code -expiry}, {@code -counts}). */
    public static final String SIGNALS = "shortage-signals";
    public static final String RESULT_STORE = "shortage-results";
    public static final String PROCESSOR = "shortage-processor";

    private ShortageTopology() {
    }

    /** The shortage computation under the configured thresholds only (never changed at run time). */
    public static KStream<String, ShortageStatus> build(Sources sources, Rules rules) {
        return build(sources, rules, LiveSettings.fixed(rules));
    }

    /**
     * Adds the shortage computation; writes {@code warroom.shortages} and returns the same results for alerts and
     * ratings. Thresholds are those in force in {@code settings} at each computation (a change shows at the next
     * punctuation at the latest).
     */
    public static KStream<String, ShortageStatus> build(Sources sources, Rules rules, LiveSettings settings) {
        StoreSupport.addStore(sources.builder(), STOCK_STORE, StockState.class);
        ExpiringIds.addStores(sources.builder(), SIGNALS);
        StoreSupport.addStore(sources.builder(), RESULT_STORE, ShortageStatus.class);

        KStream<String, ShortageInput> reports = sources.stream(Topics.REPORTS)
                .filter((district, report) -> report != null && report.district() != null && report.at() != null,
                        Named.as("shortage-reports-valid"))
                .map((key, report) -> KeyValue.pair(report.district(), ShortageInput.of(report)),
                        Named.as("shortage-reports-by-district"));
        KStream<String, ShortageInput> messageSignals = sources.stream(Topics.MESSAGES)
                .flatMap((id, message) -> messageSignals(message), Named.as("shortage-message-signals"));
        KStream<String, ShortageInput> ticketSignals = sources.stream(Topics.TICKETS)
                .flatMap((id, step) -> ticketSignals(step), Named.as("shortage-ticket-signals"));

        KStream<String, ShortageStatus> results = reports
                .merge(messageSignals, Named.as("shortage-merge-messages"))
                .merge(ticketSignals, Named.as("shortage-merge-tickets"))
                // Why: reports, messages and tickets are keyed differently; all about one district must meet in one task.
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(ShortageInput.class)).withName(REPARTITION))
                .process(() -> new ShortageProcessor(rules, settings), Named.as(PROCESSOR),
                        ExpiringIds.storeNamesWith(SIGNALS, STOCK_STORE, RESULT_STORE));
        Sources.to(results, ResultTopics.SHORTAGES);
        return results;
    }

    static List<KeyValue<String, ShortageInput>> messageSignals(CitizenMessage message) {
        if (message == null || message.district() == null || message.at() == null) {
            return List.of();
        }
        List<KeyValue<String, ShortageInput>> out = new ArrayList<>();
        for (Commodity commodity : message.commodities().stream().distinct().toList()) {
            out.add(KeyValue.pair(message.district(), ShortageInput.of(new ShortageInput.Signal(
                    "message:" + message.id(), message.district(), commodity, Times.millis(message.at())))));
        }
        return out;
    }

    static List<KeyValue<String, ShortageInput>> ticketSignals(TicketStep step) {
        if (step == null || step.district() == null || step.at() == null
                || (step.event() != TicketEventType.OPENED && step.event() != TicketEventType.REOPENED)) {
            return List.of();
        }
        return step.concernedCommodity()
                .map(commodity -> List.of(KeyValue.pair(step.district(), ShortageInput.of(new ShortageInput.Signal(
                        "ticket:" + step.ticket(), step.district(), commodity, Times.millis(step.at()))))))
                .orElse(List.of());
    }
}
