package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.complaint.CitizenCommand.NotSolved;
import org.warroom.contracts.complaint.CitizenCommand.Rate;
import org.warroom.contracts.complaint.CitizenCommand.Status;

class CitizenCommandTest {
    private static List<ComplaintNumber> status(String text) {
        return CitizenCommand.parse(text).map(c -> ((Status) c).candidates()).orElseThrow();
    }

    @Test
    @DisplayName("STATUS / स्थिति with the number in any case, spacing, with or without dashes")
    void shouldReadStatusQuestions() {
        ComplaintNumber n = new ComplaintNumber("MP", "396", 123);
        assertThat(status("STATUS MP-396-000123")).containsExactly(n);
        assertThat(status("  status   mp 396 123 ")).containsExactly(n);
        assertThat(status("Status: mp-396-000123")).containsExactly(n);
        assertThat(status("स्थिति MP-396-000123")).containsExactly(n);
        assertThat(status("स्थिति  mp396000123")).contains(n);
        assertThat(status("STATUS MP396000123")).contains(n).allSatisfy(c -> assertThat(c.state()).isEqualTo("MP"));
        assertThat(status("status hello")).isEmpty();
    }

    @Test
    @DisplayName("a lone digit 1–5 (Latin or Devanagari) is a rating; 0, 6 and digits inside text are not")
    void shouldReadRatings() {
        assertThat(CitizenCommand.parse("4")).contains(new Rate(4));
        assertThat(CitizenCommand.parse(" 5. ")).contains(new Rate(5));
        assertThat(CitizenCommand.parse("१")).contains(new Rate(1));
        assertThat(CitizenCommand.parse("३")).contains(new Rate(3));
        assertThat(CitizenCommand.parse("6")).isEmpty();
        assertThat(CitizenCommand.parse("0")).isEmpty();
        assertThat(CitizenCommand.parse("4 kg atta chahiye")).isEmpty();
    }

    @Test
    @DisplayName("'not solved' and its Hindi forms reopen; ordinary messages are no command")
    void shouldReadNotSolved() {
        assertThat(CitizenCommand.parse("Not Solved")).contains(new NotSolved());
        assertThat(CitizenCommand.parse("problem NOT  solved yet")).contains(new NotSolved());
        assertThat(CitizenCommand.parse("नहीं हुआ")).contains(new NotSolved());
        assertThat(CitizenCommand.parse("राशन का हल नहीं निकला")).contains(new NotSolved());
        assertThat(CitizenCommand.parse("इंदौर में दूध नहीं मिल रहा")).isEmpty();
        assertThat(CitizenCommand.parse("no ration for a week")).isEmpty();
        assertThat(CitizenCommand.parse(null)).isEmpty();
    }
}
