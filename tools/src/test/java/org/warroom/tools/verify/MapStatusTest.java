package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.millis;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.json.Json;

/** The map's colour per district: the worst reported status, moving with staleness (26 h by default). */
class MapStatusTest {
    private final MapStatus map = new MapStatus(Rules.defaults());

    /** Bhopal: ration CRITICAL (1.5 days) reported at 0, milk LOW (1.5 of 2 days) at 10 h; Indore: water OK. */
    private static Feeds feeds() {
        Feeds f = new Feeds();
        f.reports.add(report("r1", "396", min(0), Commodity.RATION, 150, 100));
        f.reports.add(report("r2", "396", min(600), Commodity.MILK, 150, 100));
        f.reports.add(report("r3", "410", min(0), Commodity.WATER, 500, 100));
        return f;
    }

    private static Comparison compare(String worst, long from, long to) throws Exception {
        Answers a = new Answers(null, null, null, Map.of(), null,
                Json.mapper().readTree("{\"worstByDistrict\":" + worst.replace('\'', '"') + "}"), Map.of(), Map.of(), from, to);
        Comparison c = new Comparison();
        new MapStatus(Rules.defaults()).compare(feeds(), a, from, to, c);
        return c;
    }

    @Test
    @DisplayName("worst of the district's reports; a district coloured without a report, or a wrong colour, is named")
    void shouldColourEachDistrictByItsWorstReport() throws Exception {
        assertThat(compare("{'396':'CRITICAL','410':'OK'}", millis(60), millis(60)).mismatches()).isEmpty();
        assertThat(compare("{'396':'LOW','410':'OK','397':'STALE'}", millis(60), millis(60)).mismatches())
                .extracting(Object::toString).containsExactlyInAnyOrder(
                        "MISMATCH map colour of district 396: recomputed CRITICAL, dashboard says LOW",
                        "MISMATCH map colour of district 397: recomputed null, dashboard says STALE");
    }

    @Test
    @DisplayName("the ration report goes stale at 26 h: Bhopal turns LOW (milk) until milk goes stale at 36 h")
    void shouldAcceptEveryColourTheDistrictHadInsideTheWindow() throws Exception {
        assertThat(map.possible(java.util.List.copyOf(Recompute.latestStock(feeds().reports).values()).subList(0, 2),
                millis(25 * 60), millis(37 * 60))).containsExactly("CRITICAL", "LOW", "STALE");
        assertThat(compare("{'396':'LOW','410':'STALE'}", millis(25 * 60), millis(37 * 60)).mismatches()).isEmpty();
        assertThat(compare("{'396':'OK','410':'STALE'}", millis(25 * 60), millis(37 * 60)).mismatches())
                .extracting(Object::toString)
                .containsExactly("MISMATCH map colour of district 396: recomputed [CRITICAL, LOW, STALE], dashboard says OK");
    }
}
