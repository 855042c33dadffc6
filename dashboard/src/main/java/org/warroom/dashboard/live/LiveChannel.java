package org.warroom.dashboard.live;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.warroom.contracts.directive.Directive;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistributionBucket;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;

/**
 * The websocket channels (DASHBOARD-PROTOCOL.md), one per compacted result topic (and the directives' topic), and how each value is placed:
 * the district it belongs to (null for state-wide figures) and, for alerts, the categories it concerns.
 */
public enum LiveChannel {
    SHORTAGES("shortages", ResultTopics.SHORTAGES),
    BACKLOGS("backlogs", ResultTopics.BACKLOGS),
    CALL_LOAD("call-load", ResultTopics.CALL_LOAD),
    WORKER_DISTRIBUTION("worker-distribution", ResultTopics.WORKER_DISTRIBUTION),
    WORKER_TOTALS("worker-totals", ResultTopics.WORKER_TOTALS),
    RATINGS("ratings", ResultTopics.RATINGS),
    ALERTS("alerts", ResultTopics.ALERTS),
    UNLOCATED_MESSAGES("unlocated-messages", ResultTopics.UNLOCATED_MESSAGES),
    /** The war room's directives (not a streams result: written by the dashboard, docs/OPERATIONS.md). */
    DIRECTIVES("directives", DirectiveTopics.DIRECTIVES);

    private final String wire;
    private final Topic<String, ?> topic;

    LiveChannel(String wire, Topic<String, ?> topic) {
        this.wire = wire;
        this.topic = topic;
    }

    public String wire() {
        return wire;
    }

    public Topic<String, ?> topic() {
        return topic;
    }

    public static Optional<LiveChannel> parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }

    public static Optional<LiveChannel> ofTopic(String topicName) {
        return Arrays.stream(values()).filter(c -> c.topic.name().equals(topicName)).findFirst();
    }

    /** The district a value belongs to; null when it is a state-wide figure. */
    String districtOf(String key, Object value) {
        return switch (this) {
            case SHORTAGES -> ((ShortageStatus) value).district();
            case BACKLOGS -> ((BacklogStatus) value).district();
            case RATINGS -> ((DistrictRating) value).district();
            case ALERTS -> ((Alert) value).district();
            case DIRECTIVES -> ((Directive) value).district();
            case WORKER_DISTRIBUTION -> {
                DistributionBucket b = (DistributionBucket) value;
                boolean perDistrict = DistributionBucket.BY_CURRENT_DISTRICT.equals(b.by())
                        || DistributionBucket.BY_HOME_DISTRICT.equals(b.by());
                yield perDistrict && !DistributionBucket.UNKNOWN.equals(b.key()) ? b.key() : null;
            }
            // a district control room's own line belongs to its district (its commander sees it); other lines: state-wide
            case CALL_LOAD -> org.warroom.contracts.event.ControlRoomLines.districtOf(((LineLoad) value).line())
                    .orElse(null);
            case WORKER_TOTALS, UNLOCATED_MESSAGES -> null;
        };
    }

    /**
     * The categories a value concerns, for responders bound to categories: an alert's commodity, or the
     * department of a backlog alert; empty (concerns every responder of its district) otherwise.
     */
    Set<String> categoriesOf(Object value) {
        if (this != ALERTS) {
            return Set.of();
        }
        Alert a = (Alert) value;
        if (a.commodity() != null) {
            return Set.of(a.commodity().wire());
        }
        if ("backlog-breaches".equals(a.rule()) && a.subject() != null && a.subject().contains("|")) {
            return Set.of(a.subject().substring(a.subject().indexOf('|') + 1));
        }
        return Set.of();
    }
}
