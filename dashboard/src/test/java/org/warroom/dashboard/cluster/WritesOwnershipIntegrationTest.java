package org.warroom.dashboard.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.warroom.testkit.Eventually.eventually;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
        AtomicInteger owners = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        WritesOwnership first = WritesOwnership.member(kafka.kafkaSettings(), group, "a", Duration.ofSeconds(6));
        WritesOwnership second = WritesOwnership.member(kafka.kafkaSettings(), group, "b", Duration.ofSeconds(6));
        for (WritesOwnership member : new WritesOwnership[] {first, second}) {
            member.onChange(owning -> most.accumulateAndGet(owners.addAndGet(owning ? 1 : -1), Math::max));
        }
        try {
            eventually(Duration.ofSeconds(60), () -> assertThat(first.owns() ^ second.owns())
                    .as("exactly one of the two owns the writes").isTrue());
            WritesOwnership owner = first.owns() ? first : second;
            WritesOwnership other = owner == first ? second : first;

            owner.close();

            assertThat(owner.owns()).as("a closed member owns nothing").isFalse();
            eventually(Duration.ofSeconds(30), () -> assertThat(other.owns()).as("the other took the writes").isTrue());
            assertThat(most.get()).as("never two owners at once").isEqualTo(1);
        } finally {
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
