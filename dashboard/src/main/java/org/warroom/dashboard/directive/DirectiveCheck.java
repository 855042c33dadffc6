package org.warroom.dashboard.directive;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.warroom.contracts.complaint.ComplaintText;
import org.warroom.contracts.complaint.InvalidField;
import org.warroom.contracts.directive.DirectiveOrder;
import org.warroom.contracts.directive.DirectivePriority;
import org.warroom.contracts.event.WireEnum;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;

/**
 * Turns what an issuer typed into a {@link DirectiveOrder}, or refuses with the first wrong field
 * ({@link InvalidField}): the district as an LGD code or a name ("did you mean"), the text (1–2000 characters), the
 * deadline in the future (ISO date-time with offset, or a local date-time read in the war room's zone, as a
 * browser's {@code datetime-local} gives it), the priority, the links as ids.
 */
public final class DirectiveCheck {
    public static final int MAX_TEXT = 2000;
    private static final Pattern LINK = Pattern.compile("[A-Za-z0-9._:@|-]{1,200}");
    private final DistrictDirectory districts;
    private final ZoneId zone;

    public DirectiveCheck(DistrictDirectory districts, ZoneId zone) {
        this.districts = districts;
        this.zone = zone;
    }

    public DirectiveOrder check(String district, String department, String text, String deadline, String priority,
                                String alert, String shortage, Instant now) {
        District d = district(ComplaintText.check("district", district, 100, true));
        String dept = ComplaintText.check("department", department, ComplaintText.MAX_DEPARTMENT, false);
        if (dept != null && (dept.contains("\n") || dept.contains("|"))) {
            throw new InvalidField("department", "must be one line without '|'");
        }
        String t = ComplaintText.check("text", text, MAX_TEXT, true);
        OffsetDateTime due = deadline(ComplaintText.check("deadline", deadline, 40, true));
        if (!due.toInstant().isAfter(now)) {
            throw new InvalidField("deadline", "must be in the future (it is " + due + ")");
        }
        DirectivePriority p = priority == null || priority.isBlank() ? DirectivePriority.NORMAL
                : WireEnum.parse(DirectivePriority.class, priority).orElseThrow(() -> new InvalidField("priority",
                "unknown priority; allowed: " + String.join(", ", WireEnum.allowed(DirectivePriority.class))));
        return new DirectiveOrder(d.code(), dept, t, due, p, link("alert", alert), link("shortage", shortage));
    }

    private OffsetDateTime deadline(String given) {
        try {
            return OffsetDateTime.parse(given);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(given).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e2) {
                throw new InvalidField("deadline", "is not a date-time: use 2026-04-01T18:00 (war-room time) or "
                        + "2026-04-01T18:00:00+05:30");
            }
        }
    }

    private District district(String given) {
        return districts.resolve(given).orElseThrow(() -> {
            List<String> suggestions = districts.suggest(given, 3);
            return new InvalidField("district", "unknown district: use an LGD code such as 396 or a name"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        });
    }

    private static String link(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LINK.matcher(value).matches()) {
            throw new InvalidField(field, "must be an id of 1–200 of A-Z a-z 0-9 . _ : @ | -");
        }
        return value;
    }
}
