package org.warroom.streams.workers;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.result.WorkerTotals;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;

/**
 * Adds the totals' deltas to the histogram and emits {@link WorkerTotals} from it, on every change and on the
 * wall-clock punctuator (a day passing makes old verifications leave the window without any event). Store
 * {@code workers-totals-histogram}: the histogram and the last totals emitted.
 */
final class TotalsProcessor implements Processor<String, VerifiedHistogram, String, WorkerTotals> {
    private static final String HISTOGRAM = "histogram";
    private static final String EMITTED = "emitted";

    private final Rules rules;
    private ProcessorContext<String, WorkerTotals> context;
    private KeyValueStore<String, TotalsState> state;

    /** Store value: either the histogram or the last emitted totals. */
    record TotalsState(VerifiedHistogram histogram, WorkerTotals emitted) {
    }

    TotalsProcessor(Rules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, WorkerTotals> context) {
        this.context = context;
        this.state = context.getStateStore(WorkerDistributionTopology.TOTALS_STORE);
        context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::emit);
    }

    @Override
    public void process(Record<String, VerifiedHistogram> record) {
        if (record.value() != null) {
            TotalsState current = state.get(HISTOGRAM);
            VerifiedHistogram histogram = current == null ? VerifiedHistogram.empty() : current.histogram();
            state.put(HISTOGRAM, new TotalsState(histogram.plus(record.value()), null));
        }
        emit(context.currentSystemTimeMs());
    }

    private void emit(long now) {
        TotalsState current = state.get(HISTOGRAM);
        if (current == null) {
            return;
        }
        VerifiedHistogram histogram = current.histogram();
        int window = rules.workers().verifiedWindowDays();
        long recent = histogram.verifiedSince(Math.floorDiv(now, 86_400_000L), window);
        WorkerTotals totals = new WorkerTotals(histogram.total(), recent,
                histogram.total() == 0 ? 0 : (double) recent / histogram.total(), window);
        TotalsState last = state.get(EMITTED);
        if (last == null || !totals.equals(last.emitted())) {
            state.put(EMITTED, new TotalsState(null, totals));
            context.forward(new Record<>(WorkerTotals.KEY, totals, now));
        }
    }
}
