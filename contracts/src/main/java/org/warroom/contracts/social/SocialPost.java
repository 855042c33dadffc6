package org.warroom.contracts.social;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A post for one network in one language, drafted from the public bulletin's snapshot: topic
 * {@code warroom.social-posts} (compacted, keyed by {@link #id()}); every change is a new record with the next
 * {@link #version()}.
 *
 * @param language   {@code en} or {@code hi}
 * @param bulletinAt when the bulletin snapshot the figures come from was built
 * @param editedBy   who last changed the text (null while it is the template's own)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SocialPost(String id, long version, Network network, String language, String text, PostState state,
                         Instant bulletinAt, String draftedBy, Instant draftedAt, String editedBy, Instant editedAt,
                         String approvedBy, Instant approvedAt) {

    /** The key a provider de-duplicates by: the post and its approved version. */
    public String idempotencyKey() {
        return "warroom-post-" + id + "-v" + version;
    }
}
