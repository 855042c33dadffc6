package org.warroom.streams.shortage;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.streams.config.WarroomStreamsConfig.Burn;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.config.WarroomStreamsConfig.Thresholds;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.Times;
import org.warroom.streams.support.TraceCarry;

/**
 * Keeps the latest stock and recent signals per district × commodity and emits a {@link ShortageStatus} whenever it
 * changes: on a report, on a signal, and on the wall-clock punctuator (staleness, signals leaving the hour).
 *
 * <p>Burn rate, from a window long enough to mean something (docs/TOPICS.md, "Burn rate"): the district ×
 * commodity keeps its recent reports as points (time, stock, in transit). Points lie at least
 * {@code shortage.burn.min.gap} (1 h) apart: a report that close to the point before the latest replaces the latest
 * (a re-sent or corrected report makes no interval of minutes). Between two points, what arrived is
 * {@code max(0, t₀ − t₁)} and what was consumed {@code s₀ + arrived − s₁}; when that is negative (stock grew beyond
 * what arrived: an unreported delivery or a correction upwards) the window starts again from the new report, as the
 * older figures cannot be compared with it. Points older than {@code shortage.burn.window} (7 d) before the latest are
 * dropped. burn rate = everything consumed between the first and the latest point ÷ the days between them, once
 * there are {@code shortage.burn.min.reports} (3) points spanning {@code shortage.burn.min.span} (24 h); before that
 * it is null ("not enough data"). Consumption can never exceed the stock and arrivals of the window, so a figure of
 * minutes is never extrapolated to a day.
 *
 * <p>Predicted stock-out: {@code asOf + stock ÷ burn rate} days; none while the burn rate is null or 0 (no
 * prediction from too little data); in-transit stock is not counted (it has not arrived). A report of zero stock of
 * something needed (a daily need or a burn rate) is out of stock. A stock-out that would lie in the past when the
 * status is computed (the stock has run out by now at that rate) is predicted for that moment, "out of stock now",
 * never for a time already past; the moment stays as first said while the report stands, so the wall-clock
 * punctuation does not re-emit it every interval.
 */
final class ShortageProcessor implements Processor<String, ShortageInput, String, ShortageStatus> {
    /** Results forwarded while handling an input carry its correlation id (docs/LOGGING.md). */
    private final TraceCarry trace = new TraceCarry();
    private static final double DAY_MILLIS = 86_400_000d;

    private final Rules rules;
    private final LiveSettings settings;
    private ProcessorContext<String, ShortageStatus> context;
    private KeyValueStore<String, StockState> stock;
    private ExpiringIds signals;
    private KeyValueStore<String, ShortageStatus> results;
    /**
     * The last status emitted per key, as in {@link #results}: read through once per key, then kept, so the
     * wall-clock punctuation does not deserialize every stored status every interval (it was most of the CPU time of
     * the streams process under load). Cleared on every (re-)initialisation, when the store may have been restored.
     */
    private final Map<String, ShortageStatus> emitted = new HashMap<>();

    ShortageProcessor(Rules rules, LiveSettings settings) {
        this.rules = rules;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, ShortageStatus> context) {
        this.context = context;
        this.stock = context.getStateStore(ShortageTopology.STOCK_STORE);
        this.signals = new ExpiringIds(context, ShortageTopology.SIGNALS);
        this.results = context.getStateStore(ShortageTopology.RESULT_STORE);
        this.emitted.clear();
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
    }

    @Override
    public void process(Record<String, ShortageInput> record) {
        trace.during(record, () -> handle(record));
    }

    private void handle(Record<String, ShortageInput> record) {
        long now = context.currentSystemTimeMs();
        ShortageInput input = record.value();
        if (input == null) {
            return;
        }
        if (input.report() != null) {
            onReport(input.report(), now);
        }
        if (input.signal() != null) {
            onSignal(input.signal(), now);
        }
    }

    private void onReport(DistrictReport report, long now) {
        for (StockItem item : report.items()) {
            if (item == null || item.commodity() == null) {
                continue;
            }
            String key = ShortageStatus.key(report.district(), item.commodity());
            StockState previous = stock.get(key);
            if (previous != null && !report.at().isAfter(previous.asOf())) {
                continue; // a late (older or same-time) report never overwrites a newer one
            }
            List<StockState.Point> history = window(previous, item, report.at(), rules.shortage().burn());
            StockState state = new StockState(report.district(), item.commodity(), item.stock(), item.dailyNeed(),
                    item.inTransit(), item.unit(), report.at(), report.id(), burnRate(history, rules.shortage().burn()),
                    history);
            stock.put(key, state);
            emit(key, report.district(), item.commodity(), now, state, signals.count(key));
        }
    }

    /** The burn-rate points after {@code item} of a report at {@code at} (rules in the class comment). */
    static List<StockState.Point> window(StockState previous, StockItem item, OffsetDateTime at, Burn burn) {
        List<StockState.Point> points = new ArrayList<>();
        if (previous != null) {
            if (previous.history() != null) {
                points.addAll(previous.history());
            } else {
                points.add(new StockState.Point(Times.millis(previous.asOf()), previous.stock(),
                        previous.inTransit() == null ? 0 : previous.inTransit()));
            }
        }
        StockState.Point point = new StockState.Point(Times.millis(at), item.stock(),
                item.inTransit() == null ? 0 : item.inTransit());
        int n = points.size();
        if (n >= 2 && points.get(n - 1).at() - points.get(n - 2).at() < burn.minGap().toMillis()) {
            points.remove(n - 1); // the latest was too close to the one before: this report takes its place
        }
        if (!points.isEmpty() && consumed(points.get(points.size() - 1), point) < 0) {
            points.clear(); // stock grew beyond what arrived: start again from this report
        }
        points.add(point);
        long oldest = point.at() - burn.window().toMillis();
        points.removeIf(p -> p.at() < oldest);
        return List.copyOf(points);
    }

    private static double consumed(StockState.Point from, StockState.Point to) {
        return from.stock() + Math.max(0, from.inTransit() - to.inTransit()) - to.stock();
    }

    /** Consumed per day over the points; null (not enough data) below the minimum reports or span. */
    static Double burnRate(List<StockState.Point> points, Burn burn) {
        if (points.size() < burn.minReports()) {
            return null;
        }
        long span = points.get(points.size() - 1).at() - points.get(0).at();
        if (span < burn.minSpan().toMillis() || span <= 0) {
            return null;
        }
        double total = 0;
        for (int i = 1; i < points.size(); i++) {
            total += consumed(points.get(i - 1), points.get(i));
        }
        return total / (span / DAY_MILLIS);
    }

    private void onSignal(ShortageInput.Signal signal, long now) {
        String key = ShortageStatus.key(signal.district(), signal.commodity());
        long window = rules.signalWindow().toMillis();
        signals.expire(now, window);
        signals.add(key, signal.id(), signal.at(), now, window);
        emit(key, signal.district(), signal.commodity(), now, stock.get(key), signals.count(key));
    }

    private void punctuate(long now) {
        // Every key whose signal count fell, then every key with stock (staleness comes with time), once each; the
        // counts and the stock read in one pass each (a point read per key every interval cost more).
        Set<String> keys = new LinkedHashSet<>(signals.expire(now, rules.signalWindow().toMillis()));
        Map<String, Long> counts = signals.counts();
        Map<String, StockState> states = new HashMap<>();
        try (KeyValueIterator<String, StockState> all = stock.all()) {
            while (all.hasNext()) {
                KeyValue<String, StockState> entry = all.next();
                keys.add(entry.key);
                states.put(entry.key, entry.value);
            }
        }
        for (String key : keys) {
            String district = Times.withoutLastPart(key);
            Commodity commodity = WireEnum.parse(Commodity.class, Times.lastPart(key)).orElse(null);
            if (commodity != null) {
                emit(key, district, commodity, now, states.get(key), counts.getOrDefault(key, 0L));
            }
        }
    }

    /**
     * Computes the status now from the key's signals in the window (as of the last expiry) and stock (as the caller just read or wrote them) and
     * forwards it when it differs from the last one emitted.
     */
    private void emit(String key, String district, Commodity commodity, long now, StockState state, long signalCount) {
        int signalsLastHour = (int) signalCount;
        ShortageStatus last = emitted.containsKey(key) ? emitted.get(key) : results.get(key);
        ShortageStatus status = status(district, commodity, state, signalsLastHour, now, last);
        if (!status.equals(last)) {
            results.put(key, status);
            context.forward(trace.record(key, status, now));
        }
        emitted.put(key, status);
    }

    ShortageStatus status(String district, Commodity commodity, StockState state, int signalsLastHour, long now,
                          ShortageStatus last) {
        if (state == null) {
            return new ShortageStatus(district, commodity, null, null, null, ShortageLevel.STALE, signalsLastHour,
                    null, null, null, null, null, null, null);
        }
        Thresholds thresholds = settings.thresholds(district, commodity);
        Double days = state.dailyNeed() > 0 ? state.stock() / state.dailyNeed() : null;
        boolean stale = now - Times.millis(state.asOf()) > rules.shortage().staleAfter().toMillis();
        ShortageLevel level;
        if (stale) {
            level = ShortageLevel.STALE;
        } else if (days == null) {
            level = ShortageLevel.OK;
        } else if (days < thresholds.criticalDays()) {
            level = ShortageLevel.CRITICAL;
        } else if (days < thresholds.lowDays()) {
            level = ShortageLevel.LOW;
        } else {
            level = ShortageLevel.OK;
        }
        Double rate = state.burnRatePerDay() != null && state.burnRatePerDay() > 0 ? state.burnRatePerDay() : null;
        OffsetDateTime stockOut = state.stock() <= 0 && (rate != null || state.dailyNeed() > 0) ? state.asOf()
                : rate == null || state.stock() <= 0 ? null
                : state.asOf().plus(Duration.ofMillis(Math.round(state.stock() / rate * DAY_MILLIS)));
        if (stockOut != null && Times.millis(stockOut) < now) {
            stockOut = outOfStockSince(last, state, now);
        }
        return new ShortageStatus(district, commodity, state.stock(), state.dailyNeed(), days, level, signalsLastHour,
                state.asOf(), state.inTransit(), state.unit(), state.burnRatePerDay(), stockOut, state.reportId(),
                settings.thresholdsMark(district, commodity));
    }

    /**
     * Already out at the rate of use: the moment this was first said for the same report (not after {@code now}),
     * else {@code now}, in the report's offset.
     */
    private static OffsetDateTime outOfStockSince(ShortageStatus last, StockState state, long now) {
        if (last != null && last.predictedStockOutAt() != null && state.reportId() != null
                && state.reportId().equals(last.reportId()) && Times.millis(last.predictedStockOutAt()) <= now
                && Times.millis(last.predictedStockOutAt()) >= Times.millis(state.asOf())) {
            return last.predictedStockOutAt();
        }
        return java.time.Instant.ofEpochMilli(now).atOffset(state.asOf().getOffset());
    }
}
