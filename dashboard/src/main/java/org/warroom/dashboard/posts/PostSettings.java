package org.warroom.dashboard.posts;

import java.net.URI;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.social.PostLength;
import org.warroom.contracts.social.PostLimits;

/**
 * Social-media posts in the dashboard: {@code social.mastodon.limit} (default 500: the Mastodon instance's maximum
 * characters; X's 280 is fixed) and the link the posts end with, {@code {public.url}/public} (the public bulletin).
 */
public record PostSettings(PostLimits limits, String link) {

    public static PostSettings from(Settings settings, URI publicUrl) {
        int mastodon = settings.getInt("social.mastodon.limit", PostLength.MASTODON_DEFAULT_LIMIT);
        if (mastodon < 100) {
            throw new ConfigException("social.mastodon.limit", "must be at least 100");
        }
        return new PostSettings(new PostLimits(mastodon), publicUrl.toString().replaceAll("/+$", "") + "/public");
    }
}
