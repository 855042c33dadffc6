package org.warroom.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.json.Json;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.ingest.config.IngestConfig;
import org.warroom.ingest.feed.CallsDecoder;
import org.warroom.ingest.feed.CommodityRecognizer;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.MessagesDecoder;
import org.warroom.ingest.feed.ReportsDecoder;
import org.warroom.ingest.feed.WorkersDecoder;
import org.warroom.ingest.reference.DirectoryPlaces;

/** Everything the simulator sends passes the real validation, and the same seed gives the same traffic. */
class SimulatedEventsTest {
    static final DistrictDirectory DIRECTORY = DistrictDirectory.load();
    static final DirectoryPlaces PLACES = DirectoryPlaces.load(Optional.empty(), List.of("23", "10"));
    final Clock clock = Clock.systemUTC();
    final CallsDecoder calls = new CallsDecoder(PLACES, IngestConfig.DEFAULT_LINES, clock);
    final MessagesDecoder messages = new MessagesDecoder(PLACES, new CommodityRecognizer(), clock);
    final ReportsDecoder reports = new ReportsDecoder(PLACES, clock);
    final WorkersDecoder workers = new WorkersDecoder(PLACES, clock);

    private List<SimEvent> traffic(long seed, int n) {
        List<District> districts = new ArrayList<>(DIRECTORY.inState("23"));
        districts.addAll(DIRECTORY.inState("10"));
        Random random = new Random(seed);
        Instant start = Instant.parse("2026-04-01T06:00:00Z");
        Ids ids = new Ids(seed, 1);
        Schedule schedule = new Schedule();
        CallTraffic callTraffic = new CallTraffic(random, ids, schedule, districts);
        CitizenMessages citizen = new CitizenMessages(random, ids, districts);
        DistrictStocks stocks = new DistrictStocks(random, ids, districts, Duration.ofMinutes(10), start);
        List<SimEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant now = start.plusSeconds(i);
            out.add(callTraffic.newCall(now));
            var shortage = stocks.shortage();
            out.add(citizen.next(now, shortage == null ? null : shortage.getKey(), shortage == null ? 0 : shortage.getValue()));
            out.addAll(stocks.due(now, 100));
            out.addAll(schedule.due(now, 100));
        }
        out.addAll(schedule.due(Instant.MAX, 100_000));
        return out;
    }

    private Decoded decode(SimEvent e) {
        ObjectNode json = Json.mapper().valueToTree(e.body());
        return switch (e.feed()) {
            case "calls" -> calls.decode(json, "simulator");
            case "messages" -> messages.decode(json, "simulator");
            case "reports" -> reports.decode(json, "simulator");
            default -> workers.decode(json, "simulator");
        };
    }

    @Test
    void everySimulatedEventIsValid() {
        List<SimEvent> events = traffic(7, 1200);
        assertThat(events).extracting(SimEvent::feed).contains("calls", "messages", "reports");
        for (SimEvent e : events) {
            Decoded d = decode(e);
            assertThat(d.problems()).as(e.body().toString()).isEmpty();
        }
        long unlocated = events.stream().filter(e -> e.feed().equals("messages")).map(this::decode)
                .filter(d -> ((CitizenMessage) d.event().value()).unlocated()).count();
        long located = events.stream().filter(e -> e.feed().equals("messages")).count() - unlocated;
        assertThat(unlocated).isPositive();
        assertThat(located).isGreaterThan(unlocated * 4);
    }

    @Test
    void theSameSeedGivesTheSameTraffic() {
        assertThat(traffic(42, 200)).extracting(SimEvent::body).isEqualTo(traffic(42, 200).stream().map(SimEvent::body).toList());
    }

    @Test
    void registryRowsAndVerificationUpdatesAreValidAndStable() throws Exception {
        WorkerRegistry registry = WorkerRegistry.load(5);
        for (long i = 1; i <= 500; i++) {
            Decoded update = workers.decode(Json.mapper().valueToTree(registry.worker(i, Instant.now())), "simulator");
            assertThat(update.problems()).isEmpty();
        }
        assertThat(registry.worker(3, null)).isEqualTo(registry.worker(3, null));
        StringWriter csv = new StringWriter();
        registry.writeCsv(csv, 3);
        assertThat(csv.toString().lines()).hasSize(4).first().isEqualTo(WorkerRegistry.HEADER);
    }
}
