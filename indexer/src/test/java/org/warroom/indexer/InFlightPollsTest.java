package org.warroom.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which offsets may be committed while several polls are in flight. */
class InFlightPollsTest {
    private static final TopicPartition A = new TopicPartition("warroom.messages", 0);
    private static final TopicPartition B = new TopicPartition("warroom.messages", 1);

    @Test
    @DisplayName("a partition commits up to the newest poll with everything before it acknowledged; a write still open holds only its partition")
    void shouldCommitInOrderPerPartition() {
        InFlightPolls polls = new InFlightPolls();
        List<InFlightPolls.Poll> done = new ArrayList<>();
        InFlightPolls.Poll first = polls.open(Map.of(A, 10L, B, 20L), 100);
        polls.expect(first, A);
        polls.expect(first, B);
        InFlightPolls.Poll second = polls.open(Map.of(A, 15L, B, 25L), 100);
        polls.expect(second, A);
        polls.expect(second, B);
        assertThat(polls.committable(done::add)).isEmpty();

        polls.finish(second, A);
        polls.finish(second, B);
        assertThat(polls.committable(done::add)).as("the older poll is not done").isEmpty();

        polls.finish(first, A); // B of the first poll still retrying
        assertThat(polls.committable(done::add)).isEqualTo(Map.of(A, 15L));
        assertThat(polls.size()).isEqualTo(2);
        assertThat(polls.bytes()).isEqualTo(200);

        polls.finish(first, B);
        assertThat(polls.committable(done::add)).isEqualTo(Map.of(B, 25L));
        assertThat(polls.isEmpty()).isTrue();
        assertThat(polls.bytes()).isZero();
        assertThat(done).containsExactly(first, second);
    }

    @Test
    @DisplayName("a poll without work commits at once; a revoked partition's work no longer counts nor commits")
    void shouldForgetRevokedPartitions() {
        InFlightPolls polls = new InFlightPolls();
        InFlightPolls.Poll empty = polls.open(Map.of(A, 3L), 10);
        assertThat(polls.committable(p -> { })).isEqualTo(Map.of(A, 3L));
        InFlightPolls.Poll open = polls.open(Map.of(A, 7L, B, 9L), 10);
        polls.expect(open, A);
        polls.expect(open, B);
        polls.revoke(List.of(A));
        assertThat(open.owns(A)).isFalse();
        polls.finish(open, A); // an answer arriving after the revocation changes nothing
        polls.finish(open, B);
        assertThat(polls.committable(p -> { })).isEqualTo(Map.of(B, 9L));
        assertThat(polls.isEmpty()).isTrue();
        assertThat(empty.owns(A)).isTrue();
    }
}
