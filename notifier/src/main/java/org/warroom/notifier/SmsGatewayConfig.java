package org.warroom.notifier;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.config.Urls;

/**
 * An Indian HTTP SMS gateway ({@code sms.provider=gateway}): where it is, how it is called and what its answers mean,
 * from {@code sms.gateway.*} over the defaults of a preset ({@code sms.gateway.preset}): {@code nic} (the NIC SMS
 * gateway's {@code failsafe/HttpLink}) or {@code generic} (the shape most commercial Indian gateways share).
 * docs/NOTIFICATIONS.md lists every key.
 *
 * @param params     the gateway's name for each part of the request (roles {@code username}, {@code password},
 *                   {@code apikey}, {@code sender}, {@code mobile}, {@code message}, {@code entity}, {@code template});
 *                   a role named {@code none} is not sent
 * @param unicodeFlag the parameter sent with a Unicode message ({@code name=value}), empty for none
 * @param extra      fixed parameters sent with every message ({@code route=2}, ...)
 * @param accepted   an answer (HTTP 2xx) whose body matches this is a message taken; any other is refused
 * @param retry      a refusal whose body matches this is worth another attempt (busy, throttled); others are permanent
 */
public record SmsGatewayConfig(String preset, URI url, String method, Map<String, String> params,
                               Optional<String> username, Optional<String> password, Optional<String> apiKey,
                               String sender, String entityId, String mobileFormat, SmsEncoding unicode,
                               Optional<Map.Entry<String, String>> unicodeFlag, Map<String, String> extra,
                               Pattern accepted, Pattern retry, DltTemplates templates) {

    /** The roles of {@link #params()}. */
    static final java.util.List<String> ROLES = java.util.List.of("username", "password", "apikey", "sender", "mobile",
            "message", "entity", "template");

    private record Preset(String url, String method, Map<String, String> params, String mobile, String unicode,
                          String flag, String accepted, String retry) {
    }

    private static final Map<String, Preset> PRESETS = Map.of(
            "nic", new Preset("https://smsgw.sms.gov.in/failsafe/HttpLink", "GET", params("username", "pin", "none",
                    "signature", "mnumber", "message", "dlt_entity_id", "dlt_template_id"), "international",
                    "ucs2-hex-bom", "msgType=UC", "(?i)message accepted|platform accepted|code=API000\\b",
                    "(?i)try again|temporar|busy|throttl"),
            "generic", new Preset(null, "POST", params("username", "password", "apikey", "sender", "to", "message",
                    "entity_id", "template_id"), "international", "utf8", "unicode=1",
                    "(?i)success|accepted|queued|\"status\"\\s*:\\s*\"ok\"", "(?i)try again|temporar|busy|throttl|rate limit"));

    private static Map<String, String> params(String... names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(ROLES.get(i), names[i]);
        }
        return out;
    }

    /** The gateway of {@code sms.provider=gateway}; empty for {@code twilio} (the default). */
    static Optional<SmsGatewayConfig> from(Settings settings) {
        String provider = settings.get("sms.provider", "twilio").strip().toLowerCase(Locale.ROOT);
        if (provider.equals("twilio")) {
            return Optional.empty();
        }
        if (!provider.equals("gateway")) {
            throw new ConfigException("sms.provider", "must be twilio or gateway, was '" + provider + "'");
        }
        String presetName = settings.get("sms.gateway.preset", "generic").strip().toLowerCase(Locale.ROOT);
        Preset preset = PRESETS.get(presetName);
        if (preset == null) {
            throw new ConfigException("sms.gateway.preset", "must be nic or generic, was '" + presetName + "'");
        }
        String url = settings.find("sms.gateway.url").orElse(preset.url());
        if (url == null) {
            throw new ConfigException("sms.gateway.url", "is required for the generic gateway (set "
                    + Settings.variableFor("sms.gateway.url") + ")");
        }
        String method = settings.get("sms.gateway.method", preset.method()).strip().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new ConfigException("sms.gateway.method", "must be GET or POST, was '" + method + "'");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String role : ROLES) {
            params.put(role, settings.get("sms.gateway.param." + role, preset.params().get(role)));
        }
        String mobile = settings.get("sms.gateway.mobile.format", preset.mobile()).strip().toLowerCase(Locale.ROOT);
        if (!mobile.equals("e164") && !mobile.equals("international") && !mobile.equals("national")) {
            throw new ConfigException("sms.gateway.mobile.format",
                    "must be e164, international or national, was '" + mobile + "'");
        }
        String flag = settings.get("sms.gateway.unicode.flag", preset.flag());
        Optional<Map.Entry<String, String>> unicodeFlag = flag.equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(pair("sms.gateway.unicode.flag", flag));
        Map<String, String> extra = new LinkedHashMap<>();
        for (String p : settings.get("sms.gateway.extra", "").split("&")) {
            if (!p.isBlank()) {
                Map.Entry<String, String> e = pair("sms.gateway.extra", p.strip());
                extra.put(e.getKey(), e.getValue());
            }
        }
        Optional<String> username = settings.find("sms.gateway.username");
        Optional<String> password = settings.find("sms.gateway.password");
        Optional<String> apiKey = settings.find("sms.gateway.apikey");
        if (apiKey.isEmpty() && (username.isEmpty() || password.isEmpty())) {
            throw new ConfigException("sms.gateway.username",
                    "the gateway needs sms.gateway.username and sms.gateway.password, or sms.gateway.apikey");
        }
        String entity = settings.require("sms.gateway.entity.id");
        if (!entity.matches("\\d{1,30}")) {
            throw new ConfigException("sms.gateway.entity.id", "must be the DLT principal entity id (digits)");
        }
        return Optional.of(new SmsGatewayConfig(presetName, Urls.parse("sms.gateway.url", url), method,
                Map.copyOf(params), username, password, apiKey, settings.require("sms.gateway.sender"), entity, mobile,
                SmsEncoding.parse("sms.gateway.unicode", settings.get("sms.gateway.unicode", preset.unicode())),
                unicodeFlag, extra, pattern(settings, "sms.gateway.accepted", preset.accepted()),
                pattern(settings, "sms.gateway.retry", preset.retry()), DltTemplates.from(settings)));
    }

    private static Map.Entry<String, String> pair(String key, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(key, "must be name=value, was '" + value + "'");
        }
        return Map.entry(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
    }

    private static Pattern pattern(Settings settings, String key, String fallback) {
        String value = settings.get(key, fallback);
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(key, "must be a regular expression: " + e.getDescription());
        }
    }

    /** The phone number as the gateway wants it, from E.164 ({@code +919800000000}). */
    String mobile(String e164) {
        String digits = e164.replaceAll("[^0-9]", "");
        return switch (mobileFormat) {
            case "e164" -> "+" + digits;
            case "national" -> digits.startsWith("91") && digits.length() == 12 ? digits.substring(2) : digits;
            default -> digits;
        };
    }

    /** No secret in it. */
    @Override
    public String toString() {
        return "sms-gateway[" + preset + " " + method + " " + url.getScheme() + "://" + url.getHost()
                + (url.getPort() > 0 ? ":" + url.getPort() : "") + url.getPath() + ", templates "
                + templates.all().keySet() + "]";
    }
}
