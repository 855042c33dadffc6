package org.warroom.contracts.notify;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The topics alert delivery owns, created at the start of the notifier and of the dashboard. */
public final class NotifyTopics {
    /** Subscriptions, keyed by username; compacted. */
    public static final Topic<String, Subscription> SUBSCRIPTIONS =
            new Topic<>("warroom.subscriptions", Serdes.String(), JsonSerde.of(Subscription.class), true);
    /** The delivery log, keyed by alert id; append-only (every attempt is kept). */
    public static final Topic<String, Delivery> DELIVERIES =
            new Topic<>("warroom.deliveries", Serdes.String(), JsonSerde.of(Delivery.class), false);
    /** Used acknowledgement tokens (single use across dashboard instances), keyed by token id; compacted. */
    public static final Topic<String, TokenUse> TOKEN_USES =
            new Topic<>("warroom.ack-token-uses", Serdes.String(), JsonSerde.of(TokenUse.class), true);

    private NotifyTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(SUBSCRIPTIONS, DELIVERIES, TOKEN_USES);
    }
}
