package org.warroom.dashboard.campaign;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.warroom.contracts.campaign.CallingHours;
import org.warroom.contracts.campaign.Campaign;
import org.warroom.contracts.campaign.CampaignFilter;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.event.WorkerStatus;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * Validates {@code POST /api/v1/campaigns} bodies: {@code {"name", "filter": {"homeDistrict"?, "currentState"?,
 * "status"?, "skill"?, "notVerifiedForDays"?}, "maxAttempts"? (1–10, default 3), "retryAfter"? (minutes, default
 * 120), "leaseMinutes"? (1–120, default 10), "callingHours"? {"from", "to"} (IST, default 09:00–20:00),
 * "agents"?}}. Every refusal names its field.
 */
final class CampaignRequests {
    private final DistrictDirectory districts;
    private final StateDirectory states;

    CampaignRequests(DistrictDirectory districts, StateDirectory states) {
        this.districts = districts;
        this.states = states;
    }

    /** The campaign the body asks for, not yet sized (size 0). */
    Campaign parse(JsonObject body, String id, String by, Instant now) {
        String name = Answers.string(body, "name", 120);
        if (name == null || name.isBlank()) {
            throw ApiError.invalid("name", "is required (at most 120 characters)");
        }
        CampaignFilter filter = filter(body.getValue("filter"));
        int maxAttempts = number(body, "maxAttempts", 1, 10, 3);
        int retryMinutes = number(body, "retryAfter", 1, 7 * 24 * 60, 120);
        int leaseMinutes = number(body, "leaseMinutes", 1, 120, 10);
        CallingHours hours = hours(body.getValue("callingHours"));
        return new Campaign(id, name.strip(), filter, 0, maxAttempts, Duration.ofMinutes(retryMinutes),
                Duration.ofMinutes(leaseMinutes), hours, Answers.strings(body, "agents", 500), by, now);
    }

    private CampaignFilter filter(Object value) {
        if (value == null) {
            return CampaignFilter.EVERYONE;
        }
        if (!(value instanceof JsonObject f)) {
            throw ApiError.invalid("filter", "must be an object");
        }
        for (String field : f.fieldNames()) {
            if (!java.util.Set.of("homeDistrict", "currentState", "status", "skill", "notVerifiedForDays").contains(field)) {
                throw ApiError.invalid("filter." + field, "unknown filter; allowed: homeDistrict, currentState, status, "
                        + "skill, notVerifiedForDays");
            }
        }
        String home = Answers.string(f, "homeDistrict", 100);
        if (home != null) {
            home = districts.byCode(home.strip()).map(d -> d.code())
                    .orElseThrow(() -> ApiError.invalid("filter.homeDistrict", "not an LGD district code"));
        }
        String state = Answers.string(f, "currentState", 100);
        if (state != null) {
            String given = state;
            state = states.resolve(state.strip())
                    .orElseThrow(() -> ApiError.invalid("filter.currentState", "unknown state '" + given + "'"));
        }
        String status = Answers.string(f, "status", 32);
        if (status != null) {
            String given = status;
            status = WireEnum.parse(WorkerStatus.class, status).map(WorkerStatus::wire)
                    .orElseThrow(() -> ApiError.invalid("filter.status", "unknown status '" + given + "', allowed: "
                            + WireEnum.allowed(WorkerStatus.class)));
        }
        String skill = Answers.string(f, "skill", 100);
        skill = skill == null || skill.isBlank() ? null : skill.strip().toLowerCase(Locale.ROOT);
        Integer days = f.containsKey("notVerifiedForDays") ? number(f, "filter.notVerifiedForDays",
                "notVerifiedForDays", 0, 3650) : null;
        return new CampaignFilter(home, state, status, skill, days);
    }

    private static CallingHours hours(Object value) {
        if (value == null) {
            return CallingHours.DEFAULT;
        }
        if (!(value instanceof JsonObject h)) {
            throw ApiError.invalid("callingHours", "must be an object {\"from\": \"09:00\", \"to\": \"20:00\"}");
        }
        LocalTime from = time(h, "from");
        LocalTime to = time(h, "to");
        return new CallingHours(from, to);
    }

    private static LocalTime time(JsonObject h, String field) {
        String text = Answers.string(h, field, 5);
        try {
            if (text == null) {
                throw new DateTimeParseException("absent", "", 0);
            }
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid("callingHours." + field, "must be a time of day as HH:mm (IST)");
        }
    }

    private static int number(JsonObject body, String field, int min, int max, int fallback) {
        return body.containsKey(field) ? number(body, field, field, min, max) : fallback;
    }

    private static int number(JsonObject body, String name, String field, int min, int max) {
        Object v = body.getValue(field);
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.longValue() < min || n.longValue() > max) {
            throw ApiError.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }
}
