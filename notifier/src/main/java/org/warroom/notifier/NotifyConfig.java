package org.warroom.notifier;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.complaint.ComplaintEscalation;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.KafkaSettings;
import org.warroom.contracts.config.Secrets;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.config.Urls;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.notify.AckLinks;
import org.warroom.contracts.notify.ChannelKind;
import org.warroom.notifier.social.SocialConfig;

/**
 * Alert delivery's one immutable configuration (see docs/NOTIFICATIONS.md for every key and its default), read
 * by the notifier process. The acknowledgement links ({@link AckLinks}) are shared with the dashboard, which serves
 * them; their secret and the webhook signatures' come from the environment or are generated once into
 * {@code data.dir/secrets}, where both processes on one machine find the same one.
 */
public record NotifyConfig(KafkaSettings kafka, String managementHost, int managementPort, String group,
                           AckLinks ack, byte[] webhookSecret,
                           int attempts, Duration backoff, Duration backoffMax, Duration tickInterval,
                           Duration batchWindow, int digestThreshold, Map<ChannelKind, String> rates,
                           Settings escalation, Optional<URI> smtpUrl, String smtpFrom, Optional<String> smtpUser,
                           Optional<String> smtpPassword, boolean smtpStartTlsRequired, Duration httpTimeout,
                           URI smsApiBase, Optional<String> smsAccountSid, Optional<String> smsAuthToken,
                           Optional<String> smsFrom, Optional<String> whatsappFrom,
                           List<String> reportMailTo, SocialConfig social,
                           Optional<SmsGatewayConfig> smsGateway) {

    public static NotifyConfig from(Settings settings) {
        Path secrets = Path.of(settings.get("data.dir", ".warroom")).resolve("secrets");
        Map<ChannelKind, String> rates = new EnumMap<>(ChannelKind.class);
        rates.put(ChannelKind.EMAIL, settings.get("notify.rate.email", "120/1m"));
        rates.put(ChannelKind.SMS, settings.get("notify.rate.sms", "30/1m"));
        rates.put(ChannelKind.WHATSAPP, settings.get("notify.rate.whatsapp", "30/1m"));
        rates.put(ChannelKind.WEBHOOK, settings.get("notify.rate.webhook", "300/1m"));
        rates.forEach((k, v) -> RateLimiter.parse("notify.rate." + k.wire(), v, Clock.systemUTC()));
        int attempts = settings.getInt("notify.retry.attempts", 5);
        if (attempts < 1) {
            throw new ConfigException("notify.retry.attempts", "must be at least 1");
        }
        NotifyConfig config = new NotifyConfig(
                KafkaSettings.from(settings),
                settings.get("notifier.management.host", "127.0.0.1"),
                settings.getPort("notifier.management.port", 8084),
                settings.get("notify.group", "warroom-notifier"),
                AckLinks.from(settings),
                Secrets.keep(settings, "notify.webhook.secret", secrets.resolve("notify-webhook-secret")),
                attempts,
                settings.getDuration("notify.retry.backoff", Duration.ofSeconds(2)),
                settings.getDuration("notify.retry.backoff.max", Duration.ofMinutes(1)),
                settings.getDuration("notify.tick.interval", Duration.ofSeconds(15)),
                settings.getDuration("notify.batch.window", Duration.ofSeconds(1)),
                settings.getInt("notify.digest.threshold", 3),
                rates,
                settings,
                settings.find("smtp.url").map(v -> Urls.parse("smtp.url", v)),
                settings.get("smtp.from", "warroom@localhost"),
                settings.find("smtp.user"),
                settings.find("smtp.password"),
                settings.getBoolean("smtp.starttls.required", false),
                settings.getDuration("notify.http.timeout", Duration.ofSeconds(10)),
                Urls.parse("sms.api.base", settings.get("sms.api.base", "https://api.twilio.com")),
                settings.find("sms.account.sid"),
                settings.find("sms.auth.token").or(() -> settings.find("twilio.auth.token")),
                settings.find("sms.from"),
                settings.find("whatsapp.from"),
                reportMailTo(settings),
                SocialConfig.from(settings),
                SmsGatewayConfig.from(settings));
        config.policy();
        return config;
    }

    /** {@code report.mail.to}: the situation report's distribution list, comma-separated (empty: not mailed). */
    private static List<String> reportMailTo(Settings settings) {
        List<String> out = new ArrayList<>();
        for (String a : settings.get("report.mail.to", "").split(",")) {
            String address = a.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (!address.matches("[^@\\s]+@[^@\\s]+")) {
                throw new ConfigException("report.mail.to", "'" + address + "' is not an e-mail address");
            }
            out.add(address);
        }
        return List.copyOf(out);
    }

    /** The escalation chains ({@code notify.escalation.*}). */
    public EscalationPolicy policy() {
        List<String> categories = new ArrayList<>(TicketCategory.ALL);
        categories.addAll(List.of("backlog-breaches", "line-load", "report-stale", "citizen-signals",
                "unlocated-messages", "shortage-critical", "stockout-predicted"));
        for (int level = 2; level <= 9; level++) { // escalated complaints: notify.escalation.complaint-level-<n>
            categories.add(ComplaintEscalation.CHAIN_PREFIX + level);
        }
        return EscalationPolicy.from(escalation, categories);
    }

    /** The acknowledgement page of a token: {@code {public.url}/ack/{token}}. */
    public String ackLink(String token) {
        return ack.link(token);
    }



    @Override
    public String toString() {
        return "NotifyConfig[kafka=" + kafka.bootstrap() + ", public.url=" + ack.publicUrl() + ", smtp=" + smtpUrl.map(u ->
                u.getScheme() + "://" + u.getHost() + ":" + u.getPort()).orElse("off") + ", sms=" + smsGateway.map(Object::toString).orElse("twilio " + smsApiBase) + ", " + social + "]";
    }
}
