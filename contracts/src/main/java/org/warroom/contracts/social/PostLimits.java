package org.warroom.contracts.social;

/**
 * How long a post may be on each network: X 280 (weighted, fixed by X), Mastodon {@code mastodon} (500 unless the
 * instance allows more: {@code social.mastodon.limit}). Counted by {@link PostLength}.
 */
public record PostLimits(int mastodon) {

    public PostLimits {
        if (mastodon < 1) {
            throw new IllegalArgumentException("the Mastodon limit must be at least 1");
        }
    }

    public static PostLimits defaults() {
        return new PostLimits(PostLength.MASTODON_DEFAULT_LIMIT);
    }

    public int of(Network network) {
        return network == Network.X ? PostLength.X_LIMIT : mastodon;
    }

    public boolean fits(Network network, String text) {
        return PostLength.count(network, text) <= of(network);
    }
}
