package org.warroom.notifier;

import java.util.Map;
import org.warroom.contracts.notify.ChannelKind;

/**
 * One message to one address on one channel.
 *
 * @param deliveryId the notification's id (a digest: its first alert's), sent along so receivers can de-duplicate
 * @param address    the e-mail address, phone number (E.164) or webhook URL
 * @param subject    a one-line summary (e-mail subject)
 * @param text       the plain text (e-mail body, SMS, WhatsApp), Hindi kept as is
 * @param json       the webhook body (UTF-8 JSON)
 * @param purpose    the message kind ({@link #ALERT}, {@link #ALERT_DIGEST}, {@code reply.registered}, ...): an
 *                   Indian SMS gateway sends it with the DLT template registered for that kind
 * @param values     the variables of that template ({@code severity}, {@code link}, ...; {@code text} is always
 *                   there, the whole {@code text}); never null
 */
public record Outgoing(String deliveryId, ChannelKind channel, String address, String subject, String text,
                       byte[] json, String purpose, Map<String, String> values) {
    /** One alert to one person. */
    public static final String ALERT = "alert";
    /** Several alerts to one person at once. */
    public static final String ALERT_DIGEST = "alert-digest";

    public Outgoing {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("an outgoing message needs its purpose (message kind)");
        }
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k != null && v != null) {
                    kept.put(k, v);
                }
            });
        }
        values = java.util.Collections.unmodifiableMap(kept);
    }

    /** A template variable: one of {@link #values()}, or {@code text}; empty when neither. */
    public java.util.Optional<String> value(String name) {
        String v = values.get(name);
        if (v == null && "text".equals(name)) {
            v = text;
        }
        return java.util.Optional.ofNullable(v);
    }
}
