package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;

class ComplaintNumbersTest {
    private final DistrictDirectory districts = DistrictDirectory.load();

    @Test
    @DisplayName("numbers read out on the phone: MP-396-000001, per district, continuing after every stored number")
    void shouldContinueAfterObservedNumbers() {
        ComplaintNumbers numbers = new ComplaintNumbers(StateDirectory.load());
        assertThat(numbers.next(districts.byCode("396").orElseThrow())).hasToString("MP-396-000001");
        assertThat(numbers.next(districts.byCode("212").orElseThrow()).toString()).matches("BR-212-000001");

        ComplaintNumbers restarted = new ComplaintNumbers(StateDirectory.load());
        restarted.observe(ComplaintNumber.parse("MP-396-000041").orElseThrow());
        restarted.observe(ComplaintNumber.parse("MP-396-000007").orElseThrow());
        assertThat(restarted.next(districts.byCode("396").orElseThrow())).hasToString("MP-396-000042");
        assertThat(restarted.next(districts.byCode("396").orElseThrow())).hasToString("MP-396-000043");
    }

    @Test
    @DisplayName("a number typed back in any case, with spaces, or without leading zeros, is the same number")
    void shouldParseWhatIsTypedBack() {
        assertThat(ComplaintNumber.parse(" mp 396 000123 ")).hasValue(new ComplaintNumber("MP", "396", 123));
        assertThat(ComplaintNumber.parse("MP-396-123")).hasValue(new ComplaintNumber("MP", "396", 123));
        assertThat(ComplaintNumber.parse("MP-396-000000")).isEmpty();
        assertThat(ComplaintNumber.parse("<script>")).isEmpty();
        assertThat(ComplaintNumber.parse("x".repeat(100))).isEmpty();
    }
}
