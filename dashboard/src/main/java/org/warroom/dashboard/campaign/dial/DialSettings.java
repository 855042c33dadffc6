package org.warroom.dashboard.campaign.dial;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Click-to-call for campaign agents (docs/CAMPAIGNS.md "Dialling"): {@code dial.provider} ({@code exotel} or
 * {@code twilio}; unset: agents dial by hand), {@code dial.api.base} (the provider's API address; default its public
 * one), {@code dial.account.sid}, {@code dial.api.key} (Exotel's API key; Twilio: the account SID),
 * {@code dial.api.token} (secret; Twilio defaults to {@code twilio.auth.token}), {@code dial.caller.id} (the
 * ExoPhone or Twilio number the worker sees) and where the provider posts the call's events: {@code
 * dial.status.callback}, by default ingest's webhook under {@code ingest.public.url} ({@code /webhooks/exotel?token=}
 * {@code exotel.token}, or {@code /webhooks/twilio/voice}), so the dial's events arrive on the calls feed.
 */
public record DialSettings(DialProvider provider, URI apiBase, String accountSid, String apiKey, String apiToken,
                           String callerId, String statusCallback, Duration timeout) {

    @Override
    public String toString() { // never the token
        return "DialSettings[" + provider.wire() + " " + apiBase + " account " + accountSid + "]";
    }

    public static Optional<DialSettings> from(Settings settings) {
        Optional<String> named = settings.find("dial.provider").filter(v -> !v.isBlank());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        DialProvider provider = DialProvider.parse(named.get()).orElseThrow(() -> new ConfigException("dial.provider",
                "must be exotel or twilio (or unset: agents dial by hand)"));
        URI base;
        try {
            base = URI.create(settings.get("dial.api.base", provider.defaultBase()).replaceAll("/+$", ""));
            if (base.getScheme() == null || base.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException("dial.api.base", "must be an http(s) URL such as " + provider.defaultBase());
        }
        String sid = required(settings, "dial.account.sid");
        String key = provider == DialProvider.TWILIO ? settings.get("dial.api.key", sid) : required(settings, "dial.api.key");
        String token = settings.find("dial.api.token")
                .or(() -> provider == DialProvider.TWILIO ? settings.find("twilio.auth.token") : Optional.empty())
                .filter(v -> !v.isBlank())
                .orElseThrow(() -> new ConfigException("dial.api.token", "is required with dial.provider "
                        + provider.wire() + " (the provider's API token)"));
        String callerId = required(settings, "dial.caller.id");
        String callback = settings.find("dial.status.callback").filter(v -> !v.isBlank())
                .orElseGet(() -> callback(settings, provider));
        return Optional.of(new DialSettings(provider, base, sid, key, token, callerId, callback,
                settings.getDuration("dial.timeout", Duration.ofSeconds(10))));
    }

    private static String callback(Settings settings, DialProvider provider) {
        String ingest = settings.find("ingest.public.url").filter(v -> !v.isBlank())
                .orElseThrow(() -> new ConfigException("ingest.public.url", "is required with dial.provider (or set "
                        + "dial.status.callback): the provider posts the call's events to ingest's webhook"))
                .replaceAll("/+$", "");
        if (provider == DialProvider.TWILIO) {
            return ingest + "/webhooks/twilio/voice";
        }
        String token = settings.find("exotel.token").filter(v -> !v.isBlank())
                .orElseThrow(() -> new ConfigException("exotel.token", "is required with dial.provider exotel: "
                        + "ingest's Exotel webhook accepts callbacks carrying it"));
        return ingest + "/webhooks/exotel?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String required(Settings settings, String key) {
        return settings.find(key).filter(v -> !v.isBlank()).orElseThrow(() -> new ConfigException(key,
                "is required with dial.provider"));
    }
}
