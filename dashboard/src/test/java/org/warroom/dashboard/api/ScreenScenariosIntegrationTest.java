package org.warroom.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.result.BacklogStatus;
import org.warroom.contracts.result.DistrictRating;
import org.warroom.contracts.result.ShortageLevel;
import org.warroom.contracts.result.ShortageStatus;
import org.warroom.contracts.topic.ResultTopics;
import org.warroom.dashboard.api.TestDashboard.Login;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Issue 18, item 3: scenarios in the screen's own words, checked through the dashboard API. Each district gets the
 * results streams writes for it (the same hand-computed figures as streams' RatingTopologyTest and
 * ShortageTopologyTest: the feed-to-result half is tested there), and the test says what the screens must show.
 * Districts: Indore 410, Damoh 400, Datia 401, Dewas 402, Dhar 403, seen by a commander of those five only.
 */
@ExtendWith(RealKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenScenariosIntegrationTest {
    private static final String INDORE = "410";
    private static final String DAMOH = "400";
    private static final String DATIA = "401";
    private static final String DEWAS = "402";
    private static final String DHAR = "403";
    private static final String PASSWORD = "screen-scenarios-password-1";
    private static final OffsetDateTime NOW = Results.AT;
    private TestDashboard dashboard;
    private Login commander;

    private void shortage(ShortageStatus s) {
        dashboard.produce(ResultTopics.SHORTAGES, s.key(), s);
    }

    @BeforeAll
    void start(LocalKafka kafka) {
        dashboard = TestDashboard.start(kafka);
        dashboard.saveUser("screen-commander", PASSWORD, "commander", List.of(INDORE, DAMOH, DATIA, DEWAS, DHAR), List.of());
        commander = dashboard.login("screen-commander", PASSWORD);

        // Indore: medicine 5,000 then 10 (daily need 100) five minutes apart: CRITICAL (0.1 days), burn rate
        // "not enough data" (two reports minutes apart), no predicted stock-out; milk fine. Record perfect → score 1.0,
        // but a CRITICAL shortage now: 2 stars.
        shortage(new ShortageStatus(INDORE, Commodity.MEDICINE, 10.0, 100.0, 0.1, ShortageLevel.CRITICAL, 0,
                NOW.minusMinutes(5), null, "boxes", null, null, "indore-2"));
        shortage(new ShortageStatus(INDORE, Commodity.MILK, 900.0, 100.0, 9.0, ShortageLevel.OK, 0,
                NOW.minusHours(1), null, "l", 100.0, NOW.minusHours(1).plusDays(9), "indore-m"));
        dashboard.produce(ResultTopics.RATINGS, INDORE, new DistrictRating(INDORE, 2, 1.0, 1.0, 1.0, 1.0, 0.1, 0, 0,
                2, 0, 1, 1, 0, 2, DistrictRating.LIMITED_BY_CRITICAL, true));
        // Damoh never reports: citizen messages about LPG only (a status without figures). "No report", not stale;
        // score 1.0 but at most 4 stars, as streams rates it (RatingTopology: "no-report"), and it needs attention.
        shortage(new ShortageStatus(DAMOH, Commodity.LPG, null, null, null, ShortageLevel.STALE, 4, null, null, null,
                null, null, null));
        dashboard.produce(ResultTopics.RATINGS, DAMOH, new DistrictRating(DAMOH, 4, 1.0, 1.0, 1.0, 1.0, null, 0, 0,
                0, 0, 0, 0, 0, 4, DistrictRating.LIMITED_BY_NO_REPORT, true));
        // Datia reported ration 30 hours ago, nothing since: a stale report (older than 26 h); timeliness 0 of 1 →
        // score 0.7 → 4 stars (also the cap of a stale report).
        shortage(new ShortageStatus(DATIA, Commodity.RATION, 500.0, 50.0, 10.0, ShortageLevel.STALE, 0,
                NOW.minusHours(30), null, "kg", null, null, "datia-1"));
        dashboard.produce(ResultTopics.RATINGS, DATIA, new DistrictRating(DATIA, 4, 0.7, 1.0, 0.0, 1.0, null, 0, 0,
                1, 1, 0, 0, 0, 4, DistrictRating.LIMITED_BY_STALE, true));
        // Dewas: 20 open complaints in health, one past its SLA: 0.95 → score 0.98, 3 stars at most.
        dashboard.produce(ResultTopics.BACKLOGS, DEWAS + "|health", new BacklogStatus(DEWAS, "health", 20,
                NOW.minusHours(30), 1, 2, 1, 0));
        dashboard.produce(ResultTopics.RATINGS, DEWAS, new DistrictRating(DEWAS, 3, 0.98, 0.95, 1.0, 1.0, null, 20, 1,
                0, 0, 0, 0, 0, 3, DistrictRating.LIMITED_BY_BREACH, true));
        // Dhar: everything fine.
        shortage(new ShortageStatus(DHAR, Commodity.WATER, 300.0, 100.0, 3.0, ShortageLevel.OK, 0,
                NOW.minusHours(2), null, "kl", 90.0, NOW.minusHours(2).plusHours(80), "dhar-1"));
        dashboard.produce(ResultTopics.RATINGS, DHAR, new DistrictRating(DHAR, 5, 1.0, 1.0, 1.0, 1.0, null, 0, 0,
                1, 0, 0, 0, 0, 5, null, false));
        eventually(Duration.ofSeconds(30), () -> {
            assertThat(dashboard.get("/api/v1/shortages", commander).bodyAsJsonObject().getJsonArray("items")).hasSize(5);
            assertThat(dashboard.get("/api/v1/districts/" + DHAR, commander).bodyAsJsonObject().getValue("rating")).isNotNull();
        });
    }

    @AfterAll
    void stop() {
        dashboard.close();
    }

    private JsonObject district(String code) {
        return dashboard.get("/api/v1/districts/" + code, commander).bodyAsJsonObject();
    }

    @Test
    @DisplayName("Indore with a CRITICAL medicine shortage: Critical on the map, 2 stars (capped), burn rate not enough data")
    void indoreIsNotTopRated() {
        JsonObject overview = dashboard.get("/api/v1/overview", commander).bodyAsJsonObject();
        assertThat(overview.getJsonObject("worstByDistrict").getString(INDORE)).isEqualTo("CRITICAL");
        JsonObject indore = district(INDORE);
        assertThat(indore.getJsonObject("rating").getInteger("stars")).isEqualTo(2);
        assertThat(indore.getJsonObject("rating").getString("limitedBy")).isEqualTo("critical-shortage");
        assertThat(indore.getJsonObject("rating").getBoolean("needsAttention")).isTrue();
        JsonObject medicine = indore.getJsonArray("shortages").getJsonObject(0);
        assertThat(medicine.getString("commodity")).isEqualTo("medicine");
        assertThat(medicine.getDouble("daysOfCover")).isEqualTo(0.1);
        assertThat(medicine.getValue("burnRatePerDay")).as("not enough data").isNull();
        assertThat(medicine.getValue("predictedStockOutAt")).as("no prediction from two reports").isNull();
    }

    @Test
    @DisplayName("a district that never reports is 'No report' on the map, not 'Stale report'; a late report is stale, on the map and in the rating alike")
    void oneRuleOfStale() {
        JsonObject overview = dashboard.get("/api/v1/overview", commander).bodyAsJsonObject();
        // Before: Damoh coloured STALE and counted among the stale reports while it rated 100 % timeliness.
        assertThat(overview.getJsonObject("worstByDistrict").getMap())
                .containsEntry(DATIA, "STALE").containsEntry(DHAR, "OK").doesNotContainKey(DAMOH);
        assertThat(overview.getLong("staleReports")).as("Datia's ration only").isEqualTo(1L);
        assertThat(district(DAMOH).getJsonObject("rating").getDouble("reportTimeliness")).isEqualTo(1.0);
        // never reported: not top-rated, and named as such
        assertThat(district(DAMOH).getJsonObject("rating").getInteger("stars")).isEqualTo(4);
        assertThat(district(DAMOH).getJsonObject("rating").getString("limitedBy")).isEqualTo("no-report");
        assertThat(district(DAMOH).getJsonObject("rating").getBoolean("needsAttention")).isTrue();
        assertThat(district(DATIA).getJsonObject("rating").getDouble("reportTimeliness")).isEqualTo(0.0);
        assertThat(district(DATIA).getJsonObject("rating").getString("limitedBy")).isEqualTo("stale-report");
    }

    @Test
    @DisplayName("a breached SLA: Dewas has 3 stars and needs attention; Dhar, all fine, has 5 and does not")
    void slaBreachAndAllFine() {
        assertThat(district(DEWAS).getJsonObject("rating").getInteger("stars")).isEqualTo(3);
        assertThat(district(DEWAS).getJsonArray("backlogs").getJsonObject(0).getInteger("slaBreaches")).isEqualTo(1);
        assertThat(district(DHAR).getJsonObject("rating").getInteger("stars")).isEqualTo(5);
        assertThat(district(DHAR).getJsonObject("rating").getBoolean("needsAttention")).isFalse();
    }
}
