package org.warroom.notifier.social;

import java.net.URI;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.config.Urls;
import org.warroom.contracts.social.Network;

/**
 * The social networks' providers, each behind its own configuration (docs/NOTIFICATIONS.md, "Social-media posts"):
 * Mastodon {@code social.mastodon.url} (the instance, e.g. https://mastodon.social) and
 * {@code social.mastodon.token} (an access token with {@code write:statuses}); X {@code social.x.url} (default
 * https://api.x.com) and {@code social.x.token} (a user-context OAuth 2.0 access token with {@code tweet.write}).
 * A network is configured when its URL and token are both there. Tokens are never logged ({@link #toString()}).
 */
public record SocialConfig(Optional<URI> mastodonUrl, Optional<String> mastodonToken, URI xUrl,
                           Optional<String> xToken) {

    public static SocialConfig from(Settings settings) {
        Optional<URI> mastodon = settings.find("social.mastodon.url").map(v -> Urls.parse("social.mastodon.url", v));
        Optional<String> mastodonToken = settings.find("social.mastodon.token").filter(t -> !t.isBlank());
        if (mastodon.isPresent() != mastodonToken.isPresent()) {
            throw new ConfigException(mastodon.isPresent() ? "social.mastodon.token" : "social.mastodon.url",
                    "Mastodon needs both social.mastodon.url and social.mastodon.token");
        }
        return new SocialConfig(mastodon, mastodonToken,
                Urls.parse("social.x.url", settings.get("social.x.url", "https://api.x.com")),
                settings.find("social.x.token").filter(t -> !t.isBlank()));
    }

    public boolean configured(Network network) {
        return network == Network.X ? xToken.isPresent() : mastodonToken.isPresent();
    }

    /** The provider's base URL (never its token). */
    public Optional<URI> base(Network network) {
        return network == Network.X ? xToken.map(t -> xUrl) : mastodonUrl;
    }

    @Override
    public String toString() {
        return "SocialConfig[mastodon=" + mastodonUrl.map(URI::toString).orElse("off") + ", x="
                + (xToken.isPresent() ? xUrl : "off") + "]";
    }
}
