package org.warroom.streams;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.result.UnlocatedMessages;
import org.warroom.streams.alert.AlertTopology;
import org.warroom.streams.backlog.BacklogTopology;
import org.warroom.streams.calls.CallLoadTopology;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.messages.UnlocatedMessagesTopology;
import org.warroom.streams.rating.RatingTopology;
import org.warroom.streams.settings.LiveSettings;
import org.warroom.streams.settings.SettingsTopology;
import org.warroom.streams.shortage.ShortageTopology;
import org.warroom.streams.support.Sources;
import org.warroom.streams.workers.BucketNames;
import org.warroom.streams.workers.WorkerDistributionTopology;

/**
 * The whole war-room topology, composed of the pure builders; used by {@link StreamsMain} and by tests alike.
 *
 * <p>Inputs: {@code warroom.reports}, {@code warroom.messages}, {@code warroom.tickets}, {@code warroom.calls},
 * {@code warroom.workers}, {@code warroom.alert-acks}, {@code warroom.directives}, {@code warroom.settings} (a global store: the run-time settings). Outputs: {@code warroom.shortages}, {@code warroom.backlogs},
 * {@code warroom.call-load}, {@code warroom.unlocated-messages}, {@code warroom.worker-distribution},
 * {@code warroom.worker-totals}, {@code warroom.ratings}, {@code warroom.alerts}, and bad records to
 * {@code warroom.deadletter}. See {@code docs/TOPICS.md}.
 */
public final class WarroomTopology {
    private WarroomTopology() {
    }

    public static Topology build(StreamsBuilder builder, Rules rules, BucketNames names) {
        Sources sources = new Sources(builder);
        LiveSettings settings = SettingsTopology.build(sources, rules);
        KStream<String, ShortageStatus> shortages = ShortageTopology.build(sources, rules, settings);
        KStream<String, BacklogStatus> backlogs = BacklogTopology.build(sources, rules, settings);
        KStream<String, LineLoad> lineLoad = CallLoadTopology.build(sources, rules, settings);
        KStream<String, UnlocatedMessages> unlocated = UnlocatedMessagesTopology.build(sources, rules);
        WorkerDistributionTopology.build(sources, rules, names);
        RatingTopology.build(sources, rules, shortages, backlogs);
        AlertTopology.build(sources, rules, settings, shortages, backlogs, lineLoad, unlocated);
        return builder.build();
    }
}
