package org.warroom.contracts.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Commodity;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;
import org.warroom.contracts.result.AlertState;
import org.warroom.contracts.result.Severity;

class AlertTextTest {
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T10:00:00+05:30");
    private final AlertText text = new AlertText(Words.bundled(), DistrictDirectory.load());

    private static Alert alert(String rule, String district, Commodity commodity, String subject, double value, double threshold) {
        return new Alert(rule + "|x|1", rule, district, commodity, Severity.HIGH, AlertState.ACTIVE, AT, null, null, null,
                subject, 1, value, threshold, null, null, AT, 0);
    }

    @Test
    @DisplayName("a shortage reads with the district's name in the screen's language, never its LGD code")
    void shouldNameTheDistrictInEitherLanguage() {
        Alert a = alert("shortage-critical", "410", Commodity.MEDICINE, "410|medicine", 0.1, 1);
        assertThat(text.render(a, Language.EN)).isEqualTo("Medicine in Indore: 0.1 days of cover (critical below 1)");
        assertThat(text.render(a, Language.HI)).isEqualTo("इंदौर में दवा: 0.1 दिन का भंडार (गंभीर: 1 दिन से कम)")
                .doesNotContain("410");
    }

    @Test
    @DisplayName("a stock-out is never predicted in the past: no '−0.0 h', an exhausted stock reads 'out of stock'")
    void shouldNeverPredictAStockOutInThePast() {
        assertThat(text.render(alert("stockout-predicted", "396", Commodity.MILK, "396|milk", 0, 12), Language.EN))
                .isEqualTo("Milk in Bhopal is out of stock at its rate of use (alert below 12 h)");
        assertThat(text.render(alert("stockout-predicted", "396", Commodity.MILK, "396|milk", 0, 12), Language.HI))
                .isEqualTo("भोपाल में दूध मौजूदा खपत पर ख़त्म हो चुका है (अलर्ट: 12 घंटे से कम)");
        assertThat(text.render(alert("stockout-predicted", "396", Commodity.MILK, "396|milk", 10 / 60.0, 12), Language.EN))
                .isEqualTo("Milk in Bhopal runs out in 10 min at the present rate (alert below 12 h)");
        assertThat(text.render(alert("stockout-predicted", "396", Commodity.MILK, "396|milk", 3.26, 12), Language.EN))
                .isEqualTo("Milk in Bhopal runs out in 3.3 h at the present rate (alert below 12 h)");
    }

    @Test
    @DisplayName("line load in whole percent with the helpline's label; a backlog names its department")
    void shouldLabelLinesAndDepartments() {
        assertThat(text.render(alert("line-load", null, null, "181", 0.9512, 0.9), Language.EN))
                .isEqualTo("CM Helpline 181 at 95% of capacity (alert at 90%)");
        assertThat(text.render(alert("backlog-breaches", "396", null, "396|health", 7, 5), Language.EN))
                .isEqualTo("7 complaints past their deadline in Bhopal, Health (alert at 5)");
    }
}
