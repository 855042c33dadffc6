package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.elastic.IndexFamily;

/** When failed writes and dead letters are tried again, and when the indexer stops backing off; no clock but nanoTime. */
class RetriesTest {
    private static final TopicPartition A = new TopicPartition("warroom.messages", 0);
    private static final TopicPartition B = new TopicPartition("warroom.messages", 1);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private static IndexAction write(TopicPartition tp, String id) {
        return new IndexAction(IndexFamily.MESSAGES, "messages", id, Map.of("id", id), IndexAction.Mode.CREATE, 0,
                tp.topic(), tp.partition(), 1);
    }

    @Test
    @DisplayName("a failed write is due after the initial backoff, the backoff doubles up to the maximum, and the first"
            + " answer with nothing waiting ends the back-off and resets it")
    void shouldBackOffExponentiallyAndRecover() {
        IndexerMetrics metrics = new IndexerMetrics();
        Retries retries = new Retries(Duration.ofSeconds(1), Duration.ofSeconds(3), metrics);
        InFlightPolls.Poll poll = new InFlightPolls().open(Map.of(A, 10L), 10);
        assertThat(retries.backingOff()).isFalse();

        retries.write(poll, write(A, "m1"));
        long start = System.nanoTime();
        retries.backOff(1, "429");
        assertThat(retries.backingOff()).isTrue();
        assertThat(metrics.isRetrying()).isTrue();
        assertThat(retries.takeDue(start)).as("not before the backoff").isNull();
        assertThat(retries.nanosToWait(5 * SECOND, start)).isPositive().isLessThan(2 * SECOND);
        Retries.Due due = retries.takeDue(start + 2 * SECOND);
        assertThat(due.writes()).containsOnlyKeys(poll);
        assertThat(due.writes().get(poll)).extracting(IndexAction::id).containsExactly("m1");
        assertThat(retries.takeDue(start + 3 * SECOND)).as("taken once").isNull();

        retries.write(poll, write(A, "m1"));
        retries.backOff(1, "429"); // second attempt: 2 s
        long second = System.nanoTime();
        assertThat(retries.takeDue(second + SECOND)).isNull();
        assertThat(retries.takeDue(second + 2 * SECOND + 1)).isNotNull();
        retries.write(poll, write(A, "m1"));
        retries.backOff(1, "429"); // third: 4 s capped at 3 s
        long third = System.nanoTime();
        assertThat(retries.takeDue(third + 2 * SECOND)).isNull();
        assertThat(retries.takeDue(third + 3 * SECOND + 1)).isNotNull();

        retries.recoveredIfClear();
        assertThat(retries.backingOff()).isFalse();
        assertThat(metrics.isRetrying()).isFalse();
        retries.write(poll, write(A, "m1"));
        retries.backOff(1, "503");
        long again = System.nanoTime();
        assertThat(retries.takeDue(again + SECOND + 1)).as("the backoff starts over at the initial").isNotNull();
    }

    @Test
    @DisplayName("while a retry is scheduled, more failures join it; nothing ends the back-off until it is taken")
    void shouldScheduleOneRetryAtATime() {
        Retries retries = new Retries(Duration.ofSeconds(1), Duration.ofSeconds(30), new IndexerMetrics());
        InFlightPolls.Poll poll = new InFlightPolls().open(Map.of(A, 10L, B, 20L), 10);
        retries.write(poll, write(A, "m1"));
        long start = System.nanoTime();
        retries.backOff(1, "429");
        retries.write(poll, write(B, "m2"));
        retries.backOff(1, "429");
        retries.recoveredIfClear();
        assertThat(retries.backingOff()).as("writes still wait").isTrue();
        Retries.Due due = retries.takeDue(start + 2 * SECOND);
        assertThat(due.writes().get(poll)).extracting(IndexAction::id).containsExactly("m1", "m2");
        assertThat(retries.takeDue(start + 3 * SECOND)).as("one schedule for both").isNull();
    }

    @Test
    @DisplayName("writes of a partition revoked meanwhile are dropped when due; refused dead letters are due again")
    void shouldDropRevokedWritesAndResendDeadLetters() {
        InFlightPolls polls = new InFlightPolls();
        InFlightPolls.Poll poll = polls.open(Map.of(A, 10L, B, 20L), 10);
        Retries retries = new Retries(Duration.ofMillis(1), Duration.ofSeconds(1), new IndexerMetrics());
        retries.write(poll, write(A, "kept"));
        retries.write(poll, write(B, "revoked"));
        retries.backOff(2, "503");
        DeadLetters.Answer refused = new DeadLetters.Answer(poll, A,
                new ProducerRecord<>("warroom.dead-letter", "warroom.messages", null), new RuntimeException("timeout"));
        retries.deadLetter(refused);
        polls.revoke(List.of(B));

        Retries.Due due = retries.takeDue(System.nanoTime() + SECOND);
        assertThat(due.writes().get(poll)).extracting(IndexAction::id).containsExactly("kept");
        assertThat(due.deadLetters()).containsExactly(refused);
        assertThat(due.isEmpty()).isFalse();
    }
}
