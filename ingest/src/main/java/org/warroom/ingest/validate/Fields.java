package org.warroom.ingest.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.warroom.contracts.event.WireEnum;
import org.warroom.ingest.reference.KnownDistrict;
import org.warroom.ingest.reference.Places;

/**
 * Reads the fields of one incoming JSON object and collects every problem, each naming the field and saying
 * what is allowed. A getter returns null when the field is missing or wrong; call {@link #problems()} before
 * building the record.
 */
public final class Fields {
    /** Ids are client-chosen: letters, digits and {@code . _ : @ -}, at most 128 characters. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    /** How far in the future an event time may lie (clock skew), before it is refused as wrong. */
    public static final Duration MAX_FUTURE = Duration.ofHours(24);

    private final ObjectNode node;
    private final Places places;
    private final Clock clock;
    private final List<Problem> problems = new ArrayList<>();

    public Fields(ObjectNode node, Places places, Clock clock) {
        this.node = node;
        this.places = places;
        this.clock = clock;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void problem(String field, String reason) {
        problems.add(new Problem(field, reason));
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** A required id-like field ({@link #ID}). */
    public String id(String field) {
        String v = text(field, 128, true);
        if (v != null && !ID.matcher(v).matches()) {
            problem(field, "must be 1 to 128 letters, digits or . _ : @ - (was '" + Shown.of(v) + "')");
            return null;
        }
        return v;
    }

    public String optionalId(String field) {
        return has(field) ? id(field) : null;
    }

    /** A string field, stripped, at most {@code maxLength} characters, without control characters. */
    public String text(String field, int maxLength, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(field, "must be a string");
            return null;
        }
        String s = v.textValue().strip();
        if (s.isEmpty()) {
            if (required) {
                problem(field, "must not be empty");
            }
            return null;
        }
        if (s.length() > maxLength) {
            problem(field, "is too long (" + s.length() + " characters, at most " + maxLength + ")");
            return null;
        }
        if (hasControlCharacters(s)) {
            problem(field, "must not contain control characters");
            return null;
        }
        if (hasUnpairedSurrogates(s)) {
            problem(field, "must not contain unpaired surrogates (\\ud800 to \\udfff alone are not characters)");
            return null;
        }
        return s;
    }

    /** A required enum field given by its wire word; the reason lists the allowed words. */
    public <E extends Enum<E> & WireEnum> E enumeration(String field, Class<E> type, boolean required) {
        String v = text(field, 64, required);
        if (v == null) {
            return null;
        }
        return WireEnum.parse(type, v).orElseGet(() -> {
            problem(field, "unknown value '" + Shown.of(v) + "', allowed: " + String.join(", ", WireEnum.allowed(type)));
            return null;
        });
    }

    /** A word from a fixed list (lower-cased), with the list in the reason when it is not one of them. */
    public String oneOf(String field, List<String> allowed, boolean required) {
        String v = text(field, 64, required);
        if (v == null) {
            return null;
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(lower)) {
            problem(field, "unknown value '" + Shown.of(v) + "', allowed: " + String.join(", ", allowed));
            return null;
        }
        return lower;
    }

    /** An ISO-8601 time with an offset, not more than a day in the future. */
    public OffsetDateTime time(String field, boolean required) {
        String v = text(field, 64, required);
        if (v == null) {
            return null;
        }
        OffsetDateTime t;
        try {
            t = OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            problem(field, "must be an ISO-8601 time with an offset, e.g. 2026-04-01T18:13:00+05:30 (was '"
                    + Shown.of(v) + "')");
            return null;
        }
        if (t.toInstant().isAfter(clock.instant().plus(MAX_FUTURE))) {
            problem(field, "lies more than " + MAX_FUTURE.toHours() + " hours in the future");
            return null;
        }
        return t;
    }

    /** An LGD district code; an unknown value gets a "did you mean" when one is close. */
    public KnownDistrict district(String field, boolean required) {
        JsonNode raw = node.get(field);
        String v;
        if (raw != null && raw.isIntegralNumber()) {
            v = raw.asText();
        } else {
            v = text(field, 100, required);
        }
        if (v == null) {
            return null;
        }
        var known = places.district(v);
        if (known.isPresent()) {
            return known.get();
        }
        String hint = places.suggest(v).map(d -> "; did you mean " + d.label() + "?").orElse("");
        problem(field, "unknown district '" + Shown.of(v) + "': districts are LGD codes such as 396 (Bhopal)" + hint);
        return null;
    }

    /** A number within [min, max]; numbers only (not strings), never NaN or infinite. */
    public Double number(String field, double min, double max, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!v.isNumber()) {
            problem(field, "must be a number");
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            problem(field, "must be between " + plain(min) + " and " + plain(max) + " (was " + v.asText() + ")");
            return null;
        }
        return d;
    }

    /** An array of short strings (each stripped, empty ones dropped). */
    public List<String> strings(String field, int maxItems, int maxLength, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem(field, "is required");
            }
            return List.of();
        }
        if (!v.isArray()) {
            problem(field, "must be an array of strings");
            return List.of();
        }
        if (v.size() > maxItems) {
            problem(field, "has too many items (" + v.size() + ", at most " + maxItems + ")");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                problem(field, "must be an array of strings");
                return List.of();
            }
            String s = item.textValue().strip();
            if (s.length() > maxLength || hasControlCharacters(s) || hasUnpairedSurrogates(s)) {
                problem(field, "items must be at most " + maxLength + " characters without control characters");
                return List.of();
            }
            if (!s.isEmpty() && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    public JsonNode node(String field) {
        return node.get(field);
    }

    private static boolean hasControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasUnpairedSurrogates(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
