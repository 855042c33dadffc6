package org.warroom.contracts.social;

import java.time.Instant;

/**
 * Whether the notifier has a provider for a network (base URL and token configured): topic
 * {@code warroom.social-providers} (compacted, keyed by the network's wire word), written at each notifier start.
 * The dashboard approves posts only for a network whose provider is configured: without one, drafts stay drafts.
 *
 * @param base the provider's base URL (never its token); null when not configured
 */
public record ProviderStatus(Network network, boolean configured, String base, Instant at) {
}
