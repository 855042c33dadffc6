package org.warroom.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.warroom.testkit.LocalKafka;
import org.warroom.testkit.RealKafka;

/**
 * Two dashboard instances against a real broker: exactly one owns the writes, never both at once, and when the
 * owner leaves the other takes them over.
 */
@ExtendWith(RealKafka.class)
class WritesOwnershipIntegrationTest {

    @Test
    void exactlyOneOfTwoOwnsTheWritesAndTheOtherTakesOverWhenItLeaves(LocalKafka kafka) {
        String group = "writes-" + UUID.randomUUID();
        WritesOwnership first = WritesOwnership.member(kafka.kafkaSettings(), group, "a", Duration.ofSeconds(6));
        WritesOwnership second = WritesOwnership.member(kafka.kafkaSettings(), group, "b", Duration.ofSeconds(6));
        // Watched from the start, at every tenth of a millisecond, rather than through change listeners: a listener
        // registered after member() may miss an assignment made before it (seen on a busy machine).
        AtomicBoolean bothOwned = new AtomicBoolean();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                if (first.owns() && second.owns()) {
                    bothOwned.set(true);
                }
                LockSupport.parkNanos(100_000);
            }
        }, "owners-watcher");
        watcher.start();
        try {
            eventually(Duration.ofSeconds(60), () -> assertThat(first.owns() ^ second.owns())
                    .as("exactly one of the two owns the writes").isTrue());
            WritesOwnership owner = first.owns() ? first : second;
            WritesOwnership other = owner == first ? second : first;

            owner.close();

            assertThat(owner.owns()).as("a closed member owns nothing").isFalse();
            eventually(Duration.ofSeconds(30), () -> assertThat(other.owns()).as("the other took the writes").isTrue());
            assertThat(bothOwned.get()).as("never two owners at once").isFalse();
        } finally {
            watching.set(false);
            first.close();
            second.close();
        }
    }

    @Test
    void aSingleInstanceAlwaysOwnsTheWrites() {
        try (WritesOwnership single = WritesOwnership.single()) {
            assertThat(single.owns()).isTrue();
        }
    }
}
