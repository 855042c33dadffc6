package org.warroom.contracts.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.event.TicketCategory;

/**
 * The escalation matrix of complaints (docs/COMPLAINTS.md, "Escalation"): per category, the levels above the desk and
 * after how many SLAs on a desk each is reached. Level 1 is the desk itself, from the start of the complaint's
 * current episode ({@link Complaint#openSince()}); a level {@code n} written {@code n=m} is reached when the
 * complaint has been on a desk for {@code m} × its SLA ({@code slaDueAt − openSince}).
 *
 * <p>Configured as {@code complaint.escalation.<category>} or {@code complaint.escalation.default}, written
 * {@code 2=1; 3=2} (the shipped default: level 2 — the district head of the department — once the SLA has passed,
 * level 3 — the state department — after twice the SLA). Levels must rise from 2 without gaps and multiples must
 * rise with them.
 */
public record EscalationMatrix(Map<String, List<Level>> byCategory, List<Level> otherwise) {
    public static final String DEFAULT = "2=1; 3=2";

    /** Level {@code level} is reached after {@code multiple} × the SLA on a desk. */
    public record Level(int level, double multiple) {
    }

    public EscalationMatrix {
        byCategory = Map.copyOf(byCategory);
        otherwise = List.copyOf(otherwise);
    }

    public static EscalationMatrix from(Settings settings) {
        List<Level> otherwise = parse("complaint.escalation.default", settings.get("complaint.escalation.default", DEFAULT));
        Map<String, List<Level>> byCategory = new HashMap<>();
        for (String category : TicketCategory.ALL) {
            String key = "complaint.escalation." + category;
            settings.find(key).ifPresent(v -> byCategory.put(category, parse(key, v)));
        }
        return new EscalationMatrix(byCategory, otherwise);
    }

    public static EscalationMatrix defaults() {
        return from(Settings.ofKeys(Map.of()));
    }

    /** The levels above the desk for a category, lowest first. */
    public List<Level> levels(String category) {
        return category == null ? otherwise : byCategory.getOrDefault(category, otherwise);
    }

    /** When level {@code level} is reached for an episode on a desk since {@code openSince} with the given SLA. */
    public static OffsetDateTime dueAt(OffsetDateTime openSince, Duration sla, Level level) {
        return openSince.plusNanos(Math.round(sla.toNanos() * level.multiple()));
    }

    /**
     * The complaint's level at {@code now}: 1 on a desk before its SLA, the highest level reached since, and 0 when
     * closed (a resolved or rejected complaint never escalates; a reopened one starts again at 1 from its reopening).
     */
    public int levelOf(Complaint c, OffsetDateTime now) {
        if (c.state() == null || c.state().closed() || c.openSince() == null || c.slaDueAt() == null) {
            return 0;
        }
        Duration sla = Duration.between(c.openSince(), c.slaDueAt());
        int reached = 1;
        for (Level l : levels(c.category())) {
            if (!now.isBefore(dueAt(c.openSince(), sla, l))) {
                reached = l.level();
            }
        }
        return reached;
    }

    static List<Level> parse(String key, String value) {
        List<Level> levels = new ArrayList<>();
        for (String part : value.split("[;,]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(key, "'" + part.strip() + "' must be LEVEL=MULTIPLE of the SLA, e.g. 2=1");
            }
            int level;
            double multiple;
            try {
                level = Integer.parseInt(part.substring(0, eq).strip());
                multiple = Double.parseDouble(part.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new ConfigException(key, "'" + part.strip() + "' must be LEVEL=MULTIPLE of the SLA, e.g. 2=1");
            }
            int expected = levels.size() + 2;
            if (level != expected) {
                throw new ConfigException(key, "level " + level + " out of order: levels start at 2 and rise by 1 "
                        + "(level 1 is the desk), expected " + expected);
            }
            if (!(multiple > 0) || (!levels.isEmpty() && multiple <= levels.get(levels.size() - 1).multiple())) {
                throw new ConfigException(key, "level " + level + ": the multiple of the SLA must be above 0 and above "
                        + "the level before");
            }
            levels.add(new Level(level, multiple));
        }
        return List.copyOf(levels);
    }
}
