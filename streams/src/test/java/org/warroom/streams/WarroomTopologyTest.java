package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;

import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.workers.BucketNames;

class WarroomTopologyTest {

    @Test
    void shouldNameEveryNodeStoreAndInternalTopic() {
        Topology topology = WarroomTopology.build(new StreamsBuilder(), TestDriver.rules(), BucketNames.none());
        TopologyDescription description = topology.describe();
        StringBuilder names = new StringBuilder();
        for (TopologyDescription.Subtopology sub : description.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                names.append(node.name()).append('\n');
                if (node instanceof TopologyDescription.Processor p) {
                    p.stores().forEach(s -> names.append(s).append('\n'));
                }
                if (node instanceof TopologyDescription.Source s && s.topicSet() != null) {
                    s.topicSet().forEach(t -> names.append(t).append('\n'));
                }
            }
        }
        assertThat(names.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void shouldCarryAReportThroughShortagesRatingsAndAlerts() {
        try (TestDriver driver = TestDriver.of(sources -> WarroomTopology.build(sources.builder(), TestDriver.rules(),
                BucketNames.none()))) {
            DistrictReport report = report("r1", BHOPAL, minutes(-1), item(Commodity.MEDICINE, 20, 10));
            driver.input(Topics.REPORTS).pipeInput(BHOPAL, report, report.at().toInstant());

            Map<String, ShortageStatus> shortages = driver.output(ResultTopics.SHORTAGES).readKeyValuesToMap();
            assertThat(shortages.get("396|medicine").status()).isEqualTo(ShortageLevel.CRITICAL);
            Map<String, DistrictRating> ratings = driver.output(ResultTopics.RATINGS).readKeyValuesToMap();
            assertThat(ratings.get(BHOPAL).shortageEpisodes()).as("one ongoing shortage, 1 minute old").isEqualTo(1);
            // issue 18: the record is perfect (score 1.0), but a CRITICAL shortage now caps the rating at 2 stars
            assertThat(ratings.get(BHOPAL).score()).isEqualTo(1.0);
            assertThat(ratings.get(BHOPAL).stars()).isEqualTo(2);
            assertThat(ratings.get(BHOPAL).limitedBy()).isEqualTo(DistrictRating.LIMITED_BY_CRITICAL);
            assertThat(ratings.get(BHOPAL).needsAttention()).isTrue();
            assertThat(driver.output(ResultTopics.ALERTS).readValuesToList()).extracting(Alert::rule)
                    .containsExactly("shortage-critical");
        }
    }
}
