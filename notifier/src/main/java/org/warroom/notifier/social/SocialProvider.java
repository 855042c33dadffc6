package org.warroom.notifier.social;

import io.vertx.core.Future;
import org.warroom.contracts.social.Network;
import org.warroom.contracts.social.SocialPost;

/** One network's API: publishes one approved post and says what came of it (never fails the future). */
public interface SocialProvider {
    Network network();

    Future<ProviderAnswer> publish(SocialPost post);

    /** Whether the same request may be sent again after an unclear answer (the provider de-duplicates it). */
    boolean idempotent();
}
