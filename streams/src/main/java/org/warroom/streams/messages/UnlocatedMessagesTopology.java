package org.warroom.streams.messages;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.support.InternalSerdes;
import org.warroom.streams.support.Sources;
import org.warroom.streams.support.ExpiringIds;
import org.warroom.streams.support.StoreSupport;
import org.warroom.streams.support.Times;

/**
 * Citizen messages whose district is unknown, in the last hour (exact, by {@code at}, duplicates by id removed). A
 * message an operator placed afterwards (the same id again, {@code districtSource=assigned}, docs/TRIAGE.md) leaves
 * the count once, for good: a later copy of the unplaced message is not counted again.
 *
 * <ul>
 *   <li>In: {@code warroom.messages} (message id → {@code CitizenMessage}) with no district, and placed
 *       ones ({@link CitizenMessage#placed()}).</li>
 *   <li>Through: repartition topic {@value #REPARTITION} (one key, {@code all}); the window of ids
 *       {@value #RECENT_IDS} ({@link ExpiringIds}) and store {@value #RESULT_STORE}; a wall-clock punctuator lets the count fall.</li>
 *   <li>Out: {@code warroom.unlocated-messages} ({@code all} → {@link UnlocatedMessages}), one record per change.</li>
 * </ul>
 */
public final class UnlocatedMessagesTopology {
    public static final String REPARTITION = "unlocated-input";
    /** The window of ids ({@link ExpiringIds}: stores {@code unlocated-ids-seen}, {@code -expiry}, {@code -counts}). */
    public static final String RECENT_IDS = "unlocated-ids";
    public static final String RESULT_STORE = "unlocated-results";

    private UnlocatedMessagesTopology() {
    }

    public static KStream<String, UnlocatedMessages> build(Sources sources, Rules rules) {
        ExpiringIds.addStores(sources.builder(), RECENT_IDS);
        StoreSupport.addStore(sources.builder(), RESULT_STORE, UnlocatedMessages.class);
        KStream<String, UnlocatedMessages> results = sources.stream(Topics.MESSAGES)
                .filter((id, message) -> message != null && (message.unlocated() || message.placed()) && message.at() != null,
                        Named.as("unlocated-filter"))
                .selectKey((id, message) -> UnlocatedMessages.KEY, Named.as("unlocated-one-key"))
                .repartition(Repartitioned.with(Serdes.String(), InternalSerdes.of(CitizenMessage.class))
                        .withName(REPARTITION).withNumberOfPartitions(1))
                .process(() -> new Counter(rules), Named.as("unlocated-processor"),
                        ExpiringIds.storeNamesWith(RECENT_IDS, RESULT_STORE));
        Sources.to(results, ResultTopics.UNLOCATED_MESSAGES);
        return results;
    }

    private static final class Counter implements Processor<String, CitizenMessage, String, UnlocatedMessages> {
        private final Rules rules;
        private ProcessorContext<String, UnlocatedMessages> context;
        private ExpiringIds recent;
        private KeyValueStore<String, UnlocatedMessages> results;

        Counter(Rules rules) {
            this.rules = rules;
        }

        @Override
        public void init(ProcessorContext<String, UnlocatedMessages> context) {
            this.context = context;
            this.recent = new ExpiringIds(context, RECENT_IDS);
            this.results = context.getStateStore(RESULT_STORE);
            context.schedule(rules.punctuateInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
        }

        @Override
        public void process(Record<String, CitizenMessage> record) {
            long now = context.currentSystemTimeMs();
            long window = rules.signalWindow().toMillis();
            recent.expire(now, window);
            CitizenMessage message = record.value();
            if (message.placed()) {
                recent.remove(UnlocatedMessages.KEY, message.id(), Times.millis(message.at()), now, window);
            } else {
                recent.add(UnlocatedMessages.KEY, message.id(), Times.millis(message.at()), now, window);
            }
            emit(now);
        }

        private void punctuate(long now) {
            recent.expire(now, rules.signalWindow().toMillis());
            emit(now);
        }

        private void emit(long now) {
            UnlocatedMessages value = new UnlocatedMessages((int) recent.count(UnlocatedMessages.KEY));
            if (!value.equals(results.get(UnlocatedMessages.KEY))) {
                results.put(UnlocatedMessages.KEY, value);
                context.forward(new Record<>(UnlocatedMessages.KEY, value, now));
            }
        }
    }
}
