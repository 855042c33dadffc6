package org.warroom.streams.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.streams.Events.BHOPAL;
import static org.warroom.streams.Events.item;
import static org.warroom.streams.Events.minutes;
import static org.warroom.streams.Events.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.CallStep;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.LineLoad;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.settings.SettingDefinition;
import org.warroom.contracts.settings.SettingValue;
import org.warroom.contracts.settings.SettingsCatalog;
import org.warroom.contracts.result.SettingsMark;
import org.warroom.contracts.settings.SettingsTopics;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.contracts.topic.Topics;
import org.warroom.streams.TestDriver;
import org.warroom.streams.WarroomTopology;
import org.warroom.streams.config.WarroomStreamsConfig;
import org.warroom.streams.config.WarroomStreamsConfig.Rules;
import org.warroom.streams.workers.BucketNames;

/** The run-time settings reach the running topology through the settings topic (one topology, no rebuild). */
class LiveSettingsTopologyTest {
    private static final String MEDICINE = BHOPAL + "|medicine";
    private static final Instant CHANGED = Instant.parse("2026-04-01T11:59:00Z");

    private TestDriver driver;
    private TestInputTopic<String, DistrictReport> reports;
    private TestInputTopic<String, SettingValue> settings;
    private TestOutputTopic<String, ShortageStatus> shortages;

    @BeforeEach
    void start() {
        driver = TestDriver.of(sources -> WarroomTopology.build(sources.builder(), TestDriver.rules(),
                BucketNames.none()));
        reports = driver.input(Topics.REPORTS);
        settings = driver.input(SettingsTopics.SETTINGS);
        shortages = driver.output(ResultTopics.SHORTAGES);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void set(String key, String district, double value) {
        SettingValue v = new SettingValue(key, district, value, null, "asha", CHANGED, 1);
        settings.pipeInput(v.topicKey(), v, CHANGED);
    }

    private ShortageStatus latest(String key) {
        return shortages.readKeyValuesToMap().get(key);
    }

    @Test
    void shouldRateTheNextShortageStatusByAThresholdChangedOnTheTopic() {
        DistrictReport r = report("r1", BHOPAL, minutes(-10), item(Commodity.MEDICINE, 50, 10)); // 5 days: LOW (< 7)
        reports.pipeInput(r.district(), r, r.at().toInstant());
        ShortageStatus before = latest(MEDICINE);
        assertThat(before.status()).isEqualTo(ShortageLevel.LOW);
        assertThat(before.settings()).isNull();

        set("shortage.medicine.critical.days", null, 6);
        driver.advance(Duration.ofSeconds(5)); // the next punctuation recomputes every key with stock

        ShortageStatus after = latest(MEDICINE);
        assertThat(after.status()).isEqualTo(ShortageLevel.CRITICAL);
        assertThat(after.settings()).isEqualTo(new SettingsMark("shortage.medicine.critical.days", CHANGED, "asha", 1));
        assertThat(after.daysOfCover()).isEqualTo(before.daysOfCover());
    }

    @Test
    void shouldApplyADistrictsOwnThresholdOnlyThere() {
        DistrictReport bhopal = report("r1", BHOPAL, minutes(-10), item(Commodity.MILK, 30, 10)); // 3 days: OK (≥ 2)
        DistrictReport indore = report("r2", "490", minutes(-10), item(Commodity.MILK, 30, 10));
        reports.pipeInput(bhopal.district(), bhopal, bhopal.at().toInstant());
        reports.pipeInput(indore.district(), indore, indore.at().toInstant());
        shortages.readKeyValuesToMap();

        set("shortage.milk.low.days", BHOPAL, 4);
        driver.advance(Duration.ofSeconds(5));

        Map<String, ShortageStatus> changed = shortages.readKeyValuesToMap();
        assertThat(changed).containsOnlyKeys(BHOPAL + "|milk");
        assertThat(changed.get(BHOPAL + "|milk").status()).isEqualTo(ShortageLevel.LOW);
        assertThat(changed.get(BHOPAL + "|milk").settings().setting()).isEqualTo("shortage.milk.low.days|" + BHOPAL);
    }

    @Test
    void shouldRaiseAnAlertAndMoveLineCapacityWithTheirSettings() {
        TestOutputTopic<String, LineLoad> load = driver.output(ResultTopics.CALL_LOAD);
        TestOutputTopic<String, Alert> alerts = driver.output(ResultTopics.ALERTS);
        TestInputTopic<String, CallStep> calls = driver.input(Topics.CALLS);
        Instant at = driver.now().minusSeconds(30);
        for (int i = 0; i < 10; i++) {
            CallStep step = new CallStep("c" + i + "-1", "c" + i, "104", BHOPAL, CallEventType.STARTED,
                    at.atOffset(java.time.ZoneOffset.UTC), null, null, "test");
            calls.pipeInput(step.call(), step, at);
        }
        driver.advance(Duration.ofSeconds(5));
        assertThat(load.readKeyValuesToMap().get("104").capacity()).isEqualTo(200);
        assertThat(alerts.readValuesToList()).noneMatch(a -> "line-load".equals(a.rule()));

        set("line.capacity.104", null, 10); // 10 in progress of 10: load 1.0 ≥ 0.9
        driver.advance(Duration.ofSeconds(5));

        assertThat(load.readKeyValuesToMap().get("104").capacity()).isEqualTo(10);
        assertThat(alerts.readValuesToList()).anyMatch(a -> "line-load".equals(a.rule()) && "104".equals(a.subject()));
    }

    @Test
    void shouldRecountTicketsAlreadyOpenWhenTheirSlaChanges() {
        TestOutputTopic<String, org.warroom.contracts.result.BacklogStatus> backlogs =
                driver.output(ResultTopics.BACKLOGS);
        TestInputTopic<String, org.warroom.contracts.event.TicketStep> tickets = driver.input(Topics.TICKETS);
        for (int i = 0; i < 3; i++) { // wages: SLA 24 h; opened 2 h, 5 h and 30 min ago
            Duration ago = List.of(minutes(-120), minutes(-300), minutes(-30)).get(i);
            var step = org.warroom.streams.Events.ticket("t" + i + "-o", "T" + i, BHOPAL, "labour", "wages",
                    org.warroom.contracts.event.TicketEventType.OPENED, ago);
            tickets.pipeInput(step.ticket(), step, step.at().toInstant());
        }
        driver.advance(Duration.ofSeconds(5));
        String desk = BHOPAL + "|labour";
        assertThat(backlogs.readKeyValuesToMap().get(desk)).extracting(b -> b.open(), b -> b.slaBreaches())
                .containsExactly(3, 0);

        set("sla.wages", null, 1); // 1 h: the tickets open 2 h and 5 h are past it now, the 30-minute one is not
        driver.advance(Duration.ofSeconds(5));
        assertThat(backlogs.readKeyValuesToMap().get(desk)).extracting(b -> b.open(), b -> b.slaBreaches())
                .containsExactly(3, 2);

        driver.advance(Duration.ofMinutes(31)); // the third one turns past 1 h by the clock
        assertThat(backlogs.readKeyValuesToMap().get(desk).slaBreaches()).isEqualTo(3);

        set("sla.wages", null, 4); // raised: only the ticket open 5 h 31 min is past 4 h
        driver.advance(Duration.ofSeconds(5));
        assertThat(backlogs.readKeyValuesToMap().get(desk).slaBreaches()).isEqualTo(1);
    }

    @Test
    void shouldGiveEachDistrictControlRoomItsOwnLineAndCapacity() {
        TestOutputTopic<String, LineLoad> load = driver.output(ResultTopics.CALL_LOAD);
        TestOutputTopic<String, Alert> alerts = driver.output(ResultTopics.ALERTS);
        TestInputTopic<String, CallStep> calls = driver.input(Topics.CALLS);
        Instant at = driver.now().minusSeconds(30);
        for (int i = 0; i < 4; i++) { // three calls to Bhopal's control room, one to Indore's, on the shared line name
            CallStep step = new CallStep("d" + i + "-1", "d" + i, "district-control", i < 3 ? BHOPAL : "490",
                    CallEventType.STARTED, at.atOffset(java.time.ZoneOffset.UTC), null, null, "test");
            calls.pipeInput(step.call(), step, at);
        }
        driver.advance(Duration.ofSeconds(5));
        Map<String, LineLoad> lines = load.readKeyValuesToMap();
        assertThat(lines.get("district-control:" + BHOPAL)).extracting(LineLoad::inProgress, LineLoad::capacity)
                .containsExactly(3, 50);
        assertThat(lines.get("district-control:490")).extracting(LineLoad::inProgress, LineLoad::capacity)
                .containsExactly(1, 50);
        assertThat(lines.get("district-control")).extracting(LineLoad::inProgress).isEqualTo(0);

        set("line.capacity.district-control", BHOPAL, 3); // Bhopal's room only: 3 of 3, load 1.0 ≥ 0.9
        driver.advance(Duration.ofSeconds(5));
        lines = load.readKeyValuesToMap();
        assertThat(lines.get("district-control:" + BHOPAL).capacity()).isEqualTo(3);
        assertThat(lines).doesNotContainKey("district-control:490"); // unchanged: not sent again
        assertThat(alerts.readValuesToList()).anyMatch(a -> "line-load".equals(a.rule())
                && ("district-control:" + BHOPAL).equals(a.subject()));
    }

    @Test
    void shouldTakeEachDefaultOfTheCatalogFromTheSameConfigurationAsStreams() {
        Map<String, String> config = Map.of("shortage.milk.low.days", "4", "sla.wages", "12h", "line.capacity.181", "700",
                "alert.line-load.threshold", "0.8");
        Rules rules = WarroomStreamsConfig.rules(Settings.ofKeys(config));
        LiveSettings live = LiveSettings.fixed(rules);
        SettingsCatalog catalog = SettingsCatalog.from(Settings.ofKeys(config));
        for (SettingDefinition d : catalog.all()) {
            double inStreams = switch (d.group()) {
                case SHORTAGE -> d.key().endsWith(".low.days")
                        ? live.thresholds(null, Commodity.valueOf(d.subject().toUpperCase())).lowDays()
                        : live.thresholds(null, Commodity.valueOf(d.subject().toUpperCase())).criticalDays();
                case SLA -> live.sla(d.subject()).toMinutes() / 60d;
                case LINE_CAPACITY -> live.capacity(d.subject());
                case ALERT -> live.rule(d.subject()).threshold();
            };
            assertThat(inStreams).as(d.key()).isEqualTo(d.defaultValue());
        }
        assertThat(catalog.all()).extracting(SettingDefinition::key)
                .contains("shortage.milk.low.days", "sla.wages", "line.capacity.181", "alert.line-load.threshold");
        assertThat(List.of(catalog.defaultOf("shortage.milk.low.days"), catalog.defaultOf("sla.wages")))
                .containsExactly(4d, 12d);
    }
}
