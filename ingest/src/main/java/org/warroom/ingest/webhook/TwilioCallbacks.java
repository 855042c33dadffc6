package org.warroom.ingest.webhook;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.event.CallEventType;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.ingest.feed.Decoded;
import org.warroom.ingest.feed.MessagesDecoder;

/**
 * Maps Twilio form callbacks: an inbound SMS ({@code MessageSid}, {@code From}, {@code Body}) to a citizen
 * message, and a voice status callback ({@code CallSid}, {@code CallStatus}, {@code From}, {@code To},
 * {@code Direction}, {@code Timestamp}) to a call step: queued/initiated/ringing → started, in-progress →
 * answered, completed → ended, busy/no-answer/canceled/failed → abandoned.
 */
public final class TwilioCallbacks {
    public static final String PROVIDER = "twilio";

    private final MessagesDecoder messages;
    private final CallSteps calls;

    public TwilioCallbacks(MessagesDecoder messages, CallSteps calls) {
        this.messages = messages;
        this.calls = calls;
    }

    public Decoded sms(Map<String, List<String>> form) {
        String sid = first(form, "MessageSid").or(() -> first(form, "SmsSid")).orElse("");
        String from = first(form, "From").orElse("");
        String body = first(form, "Body").orElse("").strip();
        if (sid.isEmpty() || from.isEmpty()) {
            return Decoded.rejected(sid.isEmpty() ? "MessageSid" : "From", "is missing in the Twilio SMS callback");
        }
        if (body.isEmpty()) {
            body = first(form, "NumMedia").filter(n -> !n.equals("0")).map(n -> "[media]").orElse("[empty]");
        }
        if (body.length() > MessagesDecoder.MAX_TEXT) {
            body = body.substring(0, MessagesDecoder.MAX_TEXT);
        }
        CitizenMessage m = new CitizenMessage(WebhookIds.of("tw", sid), Channel.SMS, from, body,
                OffsetDateTime.now(ZoneOffset.UTC), null, null, null, null, null, PROVIDER);
        return Decoded.accepted(messages.toEvent(m, Optional.empty()));
    }

    public Decoded voiceStatus(Map<String, List<String>> form) {
        String sid = first(form, "CallSid").orElse("");
        String status = first(form, "CallStatus").orElse("");
        if (sid.isEmpty()) {
            return Decoded.rejected("CallSid", "is missing in the Twilio status callback");
        }
        Optional<CallEventType> event = event(status);
        if (event.isEmpty()) {
            return Decoded.rejected("CallStatus", "unknown Twilio call status '" + status
                    + "', expected queued, initiated, ringing, in-progress, completed, busy, no-answer, canceled or failed");
        }
        boolean outbound = first(form, "Direction").map(d -> d.startsWith("outbound")).orElse(false);
        String from = first(form, "From").orElse("");
        String to = first(form, "To").orElse("");
        OffsetDateTime at = first(form, "Timestamp").flatMap(TwilioCallbacks::rfc1123).orElse(OffsetDateTime.now(ZoneOffset.UTC));
        return calls.step(PROVIDER, sid, outbound ? from : to, outbound ? to : from, event.get(), at);
    }

    static Optional<CallEventType> event(String status) {
        return Optional.ofNullable(switch (status) {
            case "queued", "initiated", "ringing" -> CallEventType.STARTED;
            case "in-progress", "answered" -> CallEventType.ANSWERED;
            case "completed" -> CallEventType.ENDED;
            case "busy", "no-answer", "canceled", "failed" -> CallEventType.ABANDONED;
            default -> null;
        });
    }

    private static Optional<OffsetDateTime> rfc1123(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<String> first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }
}
