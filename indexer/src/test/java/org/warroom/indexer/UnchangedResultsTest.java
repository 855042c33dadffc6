package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnchangedResultsTest {
    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldSayChangedOnlyWhenTheValueOfAKeyDiffersFromTheLastOne() {
        UnchangedResults seen = new UnchangedResults(100);
        assertThat(seen.changed("warroom.shortages", "396|milk", json("{\"stock\":10}"))).isTrue();
        assertThat(seen.changed("warroom.shortages", "396|milk", json("{\"stock\":10}"))).as("the same again").isFalse();
        assertThat(seen.changed("warroom.shortages", "397|milk", json("{\"stock\":10}"))).as("another key").isTrue();
        assertThat(seen.changed("warroom.backlogs", "396|milk", json("{\"stock\":10}"))).as("another topic").isTrue();
        assertThat(seen.changed("warroom.shortages", "396|milk", json("{\"stock\":9}"))).isTrue();
        assertThat(seen.changed("warroom.shortages", "396|milk", json("{\"stock\":10}"))).as("back to an earlier value").isTrue();
    }

    @Test
    void shouldForgetEverythingWhenPartitionsMoveAndTheLeastRecentBeyondCapacity() {
        UnchangedResults seen = new UnchangedResults(2);
        seen.changed("t", "a", json("1"));
        seen.changed("t", "b", json("1"));
        seen.changed("t", "c", json("1"));
        assertThat(seen.size()).isEqualTo(2);
        assertThat(seen.changed("t", "a", json("1"))).as("a was the least recent: forgotten").isTrue();

        seen.forget();
        assertThat(seen.changed("t", "c", json("1"))).isTrue();
    }
}
