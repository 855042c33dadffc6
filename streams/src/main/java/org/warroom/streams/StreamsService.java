package org.warroom.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warroom.contracts.complaint.ComplaintTopics;
import org.warroom.contracts.directive.DirectiveTopics;
import org.warroom.contracts.metrics.ServiceMetrics;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.topic.TopicCreator;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.streams.workers.BucketNames;

/**
 * The running streams service: creates the topics it needs (idempotently), runs the {@link WarroomTopology} on
 * Kafka Streams with the configured state directory, and serves health and metrics. {@link #close()} stops it
 * cleanly, keeping the local state (no cleanup), so a restart resumes from the state and changelogs.
 */
public final class StreamsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsService.class);

    private final KafkaStreams streams;
    private final ManagementServer management;
    private final StreamsMetrics metrics;

    private StreamsService(KafkaStreams streams, ManagementServer management, StreamsMetrics metrics) {
        this.streams = streams;
        this.management = management;
        this.metrics = metrics;
    }

    /** Starts the service; returns once Kafka Streams is started (not necessarily RUNNING yet). */
    public static StreamsService start(WarroomStreamsConfig config) {
        List<Topic<?, ?>> topics = new ArrayList<>(Topics.feeds());
        topics.addAll(ResultTopics.all());
        topics.addAll(DirectiveTopics.all()); // input of the overdue-directive alert rule (the dashboard writes it)
        topics.addAll(SettingsTopics.all());
        // the citizens' ratings join the district rating (docs/RATING.md); input of the complaint-escalated alert rule
        topics.add(ComplaintTopics.COMPLAINTS);
        new TopicCreator(config.kafka()).ensure(topics);

        Topology topology = WarroomTopology.build(new StreamsBuilder(), config.rules(), names());
        LOG.info("topology:\n{}", topology.describe());
        KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        AtomicBoolean hasRun = new AtomicBoolean();
        streams.setStateListener((now, before) -> {
            LOG.info("kafka streams {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                hasRun.set(true);
            }
        });
        StreamsMetrics metrics = new StreamsMetrics(ServiceMetrics.create(config.stateDir()), () -> streams);
        metrics.bind(streams);
        ManagementServer management = new ManagementServer(config.managementHost(), config.managementPort(), () -> streams,
                hasRun::get, metrics);
        streams.start();
        LOG.info("streams {} started; health on port {}", config.applicationId(), management.port());
        return new StreamsService(streams, management, metrics);
    }

    private static BucketNames names() {
        try {
            return BucketNames.from(StateDirectory.load(), DistrictDirectory.load());
        } catch (RuntimeException e) {
            LOG.warn("no reference tables, buckets will carry codes only: {}", e.getMessage());
            return BucketNames.none();
        }
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public int managementPort() {
        return management.port();
    }

    /** Stops processing and the management server; the local state stays (no cleanUp). */
    @Override
    public void close() {
        management.close();
        // Leave the group: a restarted instance then gets its tasks at once instead of after the session timeout.
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        metrics.close();
        LOG.info("streams stopped ({})", streams.state());
    }
}
