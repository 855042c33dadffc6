package org.warroom.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.tools.verify.Events.min;
import static org.warroom.tools.verify.Events.report;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.event.DistrictReport;
import org.warroom.contracts.event.StockItem;

/** The burn rate and predicted stock-out on hand-computed examples (docs/TOPICS.md defaults: 3 reports, 24 h, 1 h, 7 d). */
class BurnRatesTest {
    private final BurnRates burn = BurnRates.defaults();

    private static DistrictReport milk(String id, long minutes, double stock, Double inTransit) {
        return new DistrictReport(id, "410", min(minutes), List.of(new StockItem(Commodity.MILK, stock, 100, inTransit, "l")),
                "test");
    }

    @Test
    @DisplayName("Indore: 5,000 then 10 ten minutes apart is not enough data: no rate, no stock-out")
    void twoReportsMinutesApartAreNotEnough() {
        BurnRates.Burn b = burn.of(List.of(report("i1", "410", min(0), Commodity.MEDICINE, 5000, 100),
                report("i2", "410", min(10), Commodity.MEDICINE, 10, 100))).get("410|medicine");
        assertThat(b.ratePerDay()).isNull();
        assertThat(b.predicted()).isNull();
    }

    @Test
    @DisplayName("1,000 → 700 → 400 over 24 h: 600 a day; 400 left at 24 h runs out 16 h later")
    void threeReportsOverADay() {
        BurnRates.Burn b = burn.of(List.of(milk("a", 0, 1000, null), milk("b", 12 * 60, 700, null),
                milk("c", 24 * 60, 400, null))).get("410|milk");
        assertThat(b.ratePerDay()).isEqualTo(600.0);
        assertThat(b.predicted()).isEqualTo(min(40 * 60).toInstant());
    }

    @Test
    @DisplayName("a report within the minimum gap of the point before it is replaced by the next: 3 reports, 2 points, not enough data")
    void aCloseReportMakesNoInterval() {
        BurnRates.Burn b = burn.of(List.of(milk("a", 0, 1000, null), milk("b", 30, 990, null),
                milk("c", 24 * 60, 400, null))).get("410|milk");
        assertThat(b.ratePerDay()).isNull();
    }

    @Test
    @DisplayName("stock that grew beyond what arrived starts the points again; arrivals from in-transit count as supply")
    void correctionsRestartAndArrivalsCount() {
        assertThat(burn.of(List.of(milk("a", 0, 1000, null), milk("b", 12 * 60, 700, null),
                milk("c", 24 * 60, 2000, null))).get("410|milk").ratePerDay()).isNull();
        // 1,000 + 500 arrived − 1,200 = 300, then 1,200 − 900 = 300: 600 over one day
        assertThat(burn.of(List.of(milk("a", 0, 1000, 500.0), milk("b", 12 * 60, 1200, 0.0),
                milk("c", 24 * 60, 900, 0.0))).get("410|milk").ratePerDay()).isEqualTo(600.0);
    }

    @Test
    @DisplayName("zero stock of something needed is out of stock at the report's time; a late older report changes nothing")
    void zeroStockIsOutNow() {
        OffsetDateTime at = min(5);
        BurnRates.Burn b = burn.of(List.of(milk("a", 5, 0, null), milk("old", 0, 5000, null))).get("410|milk");
        assertThat(b.ratePerDay()).isNull();
        assertThat(b.predicted()).isEqualTo(at.toInstant());
    }
}
