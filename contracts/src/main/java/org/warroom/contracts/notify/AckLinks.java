package org.warroom.contracts.notify;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.warroom.contracts.config.Secrets;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.config.Urls;

/**
 * Acknowledgement links, shared by the notifier (which puts them into messages) and the dashboard (which serves
 * them at {@code {public.url}/ack/{token}}): the dashboard's public address, the signing secret
 * ({@code notify.ack.secret}, else kept in {@code data.dir/secrets/notify-ack-secret}) and how long a link lives
 * ({@code notify.ack.ttl}, 24 h).
 */
public record AckLinks(URI publicUrl, byte[] secret, Duration ttl) {

    public static AckLinks from(Settings settings) {
        Path secrets = Path.of(settings.get("data.dir", ".warroom")).resolve("secrets");
        return new AckLinks(
                Urls.parse("public.url", settings.get("public.url", "http://127.0.0.1:8080")),
                Secrets.keep(settings, "notify.ack.secret", secrets.resolve("notify-ack-secret")),
                settings.getDuration("notify.ack.ttl", Duration.ofHours(24)));
    }

    /** The acknowledgement page of a token. */
    public String link(String token) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/ack/" + token;
    }

    /** Issues and verifies the tokens of these links. */
    public AckTokens tokens(Clock clock) {
        return new AckTokens(secret, ttl, clock);
    }

    @Override
    public String toString() {
        return "AckLinks[public.url=" + publicUrl + ", ttl=" + ttl + "]";
    }
}
