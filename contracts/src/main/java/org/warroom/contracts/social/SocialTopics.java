package org.warroom.contracts.social;

import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.warroom.contracts.json.JsonSerde;
import org.warroom.contracts.topic.Topic;

/**
 * Social-media posts (docs/BULLETIN.md, docs/TOPICS.md): drafted, edited and approved in the dashboard, published
 * by the notifier, which records each result and says which providers it has. All compacted, read whole.
 */
public final class SocialTopics {
    /** Posts keyed by id; every step a new record, the latest per id is the post. Written by the dashboard. */
    public static final Topic<String, SocialPost> POSTS =
            new Topic<>("warroom.social-posts", Serdes.String(), JsonSerde.of(SocialPost.class), true);
    /** Publishing results keyed by post id. Written by the notifier. */
    public static final Topic<String, PostResult> RESULTS =
            new Topic<>("warroom.social-post-results", Serdes.String(), JsonSerde.of(PostResult.class), true);
    /** The notifier's providers keyed by network. Written by the notifier at start. */
    public static final Topic<String, ProviderStatus> PROVIDERS =
            new Topic<>("warroom.social-providers", Serdes.String(), JsonSerde.of(ProviderStatus.class), true);

    private SocialTopics() {
    }

    public static List<Topic<?, ?>> all() {
        return List.of(POSTS, RESULTS, PROVIDERS);
    }
}
