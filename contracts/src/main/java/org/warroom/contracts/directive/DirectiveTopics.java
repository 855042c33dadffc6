package org.warroom.contracts.directive;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/** The directives' topic (docs/TOPICS.md, docs/OPERATIONS.md). */
public final class DirectiveTopics {
    /**
     * Directives, keyed by id; compacted: every step is a record (an event), the latest one per id is the directive.
     * Read by the dashboard (book, live channel {@code directives}) and by streams (rule {@code overdue-directive}).
     */
    public static final Topic<String, Directive> DIRECTIVES =
            new Topic<>("warroom.directives", Serdes.String(), JsonSerde.of(Directive.class), true);

    private DirectiveTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(DIRECTIVES);
    }
}
