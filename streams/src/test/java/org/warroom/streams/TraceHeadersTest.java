package org.warroom.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topic;
import org.warroom.contracts.trace.TraceIds;
import org.warroom.streams.workers.BucketNames;

/**
 * What Kafka Streams does with the correlation id header {@value TraceIds#KAFKA_HEADER} (docs/LOGGING.md): the
 * records it derives inside one processing step carry the headers of the input record that triggered them,
 * aggregations and joins included; records that a punctuator emits later (time-driven) carry none.
 */
class TraceHeadersTest {

    @Test
    @DisplayName("a report's and a message's correlation ids reach the shortage, rating and alert records they give rise to")
    void shouldKeepTraceIdOnDerivedRecords() {
        try (TestDriver driver = TestDriver.of(sources -> WarroomTopology.build(sources.builder(), TestDriver.rules(),
                BucketNames.none()))) {
            DistrictReport report = report("r1", BHOPAL, minutes(-1), item(Commodity.MEDICINE, 20, 10));
            RecordHeaders headers = new RecordHeaders();
            TraceIds.put(headers, "req-report-1");
            driver.input(org.warroom.contracts.topic.Topics.REPORTS).pipeInput(new TestRecord<>(BHOPAL, report, headers,
                    report.at().toInstant()));
            CitizenMessage message = Events.message("m1", BHOPAL, minutes(-1), Commodity.WATER);
            RecordHeaders messageHeaders = new RecordHeaders();
            TraceIds.put(messageHeaders, "req-message-1");
            driver.input(org.warroom.contracts.topic.Topics.MESSAGES).pipeInput(new TestRecord<>(message.id(), message,
                    messageHeaders, message.at().toInstant()));

            Map<String, List<String>> seen = new TreeMap<>();
            for (Topic<String, ?> topic : List.<Topic<String, ?>>of(ResultTopics.SHORTAGES, ResultTopics.RATINGS,
                    ResultTopics.ALERTS, ResultTopics.BACKLOGS)) {
                seen.put(topic.name(), driver.output(topic).readRecordsToList().stream()
                        .map(r -> TraceIds.read(r.headers()).orElse("-")).distinct().toList());
            }
            System.out.println("trace ids on derived records: " + seen);
            // The report set the medicine shortage, the message a water signal: each result carries its own cause's id.
            assertThat(seen.get(ResultTopics.SHORTAGES.name())).containsExactlyInAnyOrder("req-report-1", "req-message-1");
            assertThat(seen.get(ResultTopics.RATINGS.name())).contains("req-report-1");
            assertThat(seen.get(ResultTopics.ALERTS.name())).containsExactly("req-report-1");
        }
    }
}
