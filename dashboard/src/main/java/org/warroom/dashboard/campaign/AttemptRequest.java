package org.warroom.dashboard.campaign;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.warroom.contracts.campaign.CallOutcome;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * One outcome as an agent records it ({@code POST /api/v1/campaigns/{id}/attempts}), validated: {@code verified}
 * needs {@code currentState}; {@code call-back} needs a {@code callBackAt} in the next 30 days; {@code needs-help}
 * may name the complaint's {@code category}. Every refusal names its field.
 */
record AttemptRequest(String worker, String lease, CallOutcome outcome, String currentState, String currentDistrict,
                      WorkerStatus status, List<String> skills, Instant callBackAt, String category, String note,
                      String call) {
    static final int MAX_NOTE = 1000;
    /** A provider's call as the calls feed names it ({@code exotel:<sid>}, {@code twilio:<sid>}). */
    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("(exotel|twilio):[A-Za-z0-9._:@-]{1,120}");

    static AttemptRequest parse(JsonObject body, DistrictDirectory districts, StateDirectory states, Instant now) {
        String worker = required(body, "worker", 100);
        String lease = required(body, "lease", 100);
        String outcomeText = required(body, "outcome", 32);
        CallOutcome outcome = WireEnum.parse(CallOutcome.class, outcomeText).orElseThrow(() -> ApiError.invalid(
                "outcome", "unknown outcome '" + outcomeText + "', allowed: " + WireEnum.allowed(CallOutcome.class)));
        String state = Answers.string(body, "currentState", 100);
        if (state != null) {
            state = states.resolve(state.strip()).orElseThrow(() -> ApiError.invalid("currentState", "unknown state"));
        } else if (outcome == CallOutcome.VERIFIED) {
            throw ApiError.invalid("currentState", "is required when the outcome is verified (where the worker works now)");
        }
        String district = Answers.string(body, "currentDistrict", 100);
        if (district != null) {
            district = districts.byCode(district.strip()).map(d -> d.code())
                    .orElseThrow(() -> ApiError.invalid("currentDistrict", "not an LGD district code"));
        }
        String statusText = Answers.string(body, "status", 32);
        WorkerStatus status = statusText == null ? null : WireEnum.parse(WorkerStatus.class, statusText)
                .orElseThrow(() -> ApiError.invalid("status", "unknown status, allowed: "
                        + WireEnum.allowed(WorkerStatus.class)));
        List<String> skills = Answers.strings(body, "skills", 20).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        Instant callBackAt = null;
        String callBack = Answers.string(body, "callBackAt", 40);
        if (callBack != null) {
            try {
                callBackAt = OffsetDateTime.parse(callBack.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiError.invalid("callBackAt", "must be a time with its offset, e.g. 2026-12-07T18:30:00+05:30");
            }
        }
        if (outcome == CallOutcome.CALL_BACK && (callBackAt == null || !callBackAt.isAfter(now)
                || callBackAt.isAfter(now.plus(Duration.ofDays(30))))) {
            throw ApiError.invalid("callBackAt", "a call-back needs a time within the next 30 days");
        }
        String category = Answers.string(body, "category", 32);
        if (category != null && !TicketCategory.ALL.contains(category.strip().toLowerCase(Locale.ROOT))) {
            throw ApiError.invalid("category", "unknown category, allowed: " + TicketCategory.ALL);
        }
        String note = Answers.string(body, "note", MAX_NOTE);
        note = note == null ? null : note.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        String call = Answers.string(body, "call", 128);
        if (call != null && !CALL.matcher(call.strip()).matches()) {
            throw ApiError.invalid("call", "must be the provider's call as dialled, e.g. exotel:<sid> or twilio:<sid>");
        }
        return new AttemptRequest(worker.strip(), lease.strip(), outcome, state, district, status, skills,
                outcome == CallOutcome.CALL_BACK ? callBackAt : null,
                category == null ? null : category.strip().toLowerCase(Locale.ROOT), note == null || note.isEmpty() ? null : note,
                call == null ? null : call.strip());
    }

    private static String required(JsonObject body, String field, int max) {
        String v = Answers.string(body, field, max);
        if (v == null || v.isBlank()) {
            throw ApiError.invalid(field, "is required");
        }
        return v;
    }
}
