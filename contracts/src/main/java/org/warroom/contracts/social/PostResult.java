package org.warroom.contracts.social;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What the notifier got from a network for an approved post: topic {@code warroom.social-post-results} (compacted,
 * keyed by the post's id; the latest record is the post's result).
 *
 * @param providerId the network's id of the status/tweet (posted)
 * @param url        where the post can be seen (posted)
 * @param status     the provider's HTTP status (null when no answer came)
 * @param answer     the provider's answer body, at most {@link #MAX_ANSWER} characters, or why nothing was sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostResult(String postId, long postVersion, Network network, PostOutcome outcome, String providerId,
                         String url, Integer status, String answer, Instant at) {
    public static final int MAX_ANSWER = 2000;

    public PostResult {
        if (answer != null && answer.length() > MAX_ANSWER) {
            answer = answer.substring(0, MAX_ANSWER) + "…";
        }
    }
}
