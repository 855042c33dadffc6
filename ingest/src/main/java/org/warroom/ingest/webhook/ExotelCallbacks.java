package org.warroom.ingest.webhook;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.event.CallEventType;
import org.warroom.ingest.feed.Decoded;

/**
 * Maps an Exotel call status callback ({@code CallSid}, {@code Status}, {@code From}, {@code To},
 * {@code StartTime}, {@code EndTime}, {@code Direction}; the passthru names {@code CallFrom}, {@code CallTo},
 * {@code CallStatus} too) to call steps. The final callback describes the whole call, so it yields every step:
 * completed → started, answered, ended; busy/no-answer/failed/canceled → started, abandoned. An
 * {@code EventType=answered} callback yields the answered step. Times are in {@code telephony.zone}.
 */
public final class ExotelCallbacks {
    public static final String PROVIDER = "exotel";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final CallSteps calls;

    public ExotelCallbacks(CallSteps calls) {
        this.calls = calls;
    }

    public List<Decoded> status(Map<String, List<String>> form) {
        String sid = any(form, "CallSid").orElse("");
        String status = any(form, "Status", "CallStatus", "DialCallStatus").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (sid.isEmpty()) {
            return List.of(Decoded.rejected("CallSid", "is missing in the Exotel callback"));
        }
        boolean outbound = any(form, "Direction").map(d -> d.startsWith("outbound")).orElse(false);
        String from = any(form, "From", "CallFrom").orElse("");
        String to = any(form, "To", "CallTo").orElse("");
        String line = outbound ? from : to;
        String caller = outbound ? to : from;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime start = any(form, "StartTime").flatMap(this::time).orElse(now);
        OffsetDateTime end = any(form, "EndTime").flatMap(this::time).orElse(now);
        if (any(form, "EventType").map("answered"::equalsIgnoreCase).orElse(false)) {
            return List.of(calls.step(PROVIDER, sid, line, caller, CallEventType.ANSWERED, now));
        }
        List<Decoded> steps = new ArrayList<>();
        switch (status) {
            case "completed" -> {
                long talk = any(form, "ConversationDuration", "DialCallDuration").map(ExotelCallbacks::seconds).orElse(0L);
                OffsetDateTime answered = talk > 0 && end.minusSeconds(talk).isAfter(start) ? end.minusSeconds(talk) : start;
                steps.add(calls.step(PROVIDER, sid, line, caller, CallEventType.STARTED, start));
                steps.add(calls.step(PROVIDER, sid, line, caller, CallEventType.ANSWERED, answered));
                steps.add(calls.step(PROVIDER, sid, line, caller, CallEventType.ENDED, end));
            }
            case "busy", "no-answer", "failed", "canceled", "cancelled" -> {
                steps.add(calls.step(PROVIDER, sid, line, caller, CallEventType.STARTED, start));
                steps.add(calls.step(PROVIDER, sid, line, caller, CallEventType.ABANDONED, end));
            }
            case "in-progress", "ringing", "queued" -> steps.add(calls.step(PROVIDER, sid, line, caller,
                    status.equals("in-progress") ? CallEventType.ANSWERED : CallEventType.STARTED, now));
            default -> steps.add(Decoded.rejected("Status", "unknown Exotel status '" + status
                    + "', expected completed, busy, no-answer, failed, canceled, in-progress, ringing or queued"));
        }
        return steps;
    }

    private Optional<OffsetDateTime> time(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value.strip(), TIME).atZone(calls.telephony().zone()).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(value.strip()));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<String> any(Map<String, List<String>> form, String... names) {
        for (String name : names) {
            Optional<String> v = TwilioCallbacks.first(form, name).filter(s -> !s.isEmpty());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }
}
