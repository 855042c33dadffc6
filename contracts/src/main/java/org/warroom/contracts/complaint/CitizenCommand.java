package org.warroom.contracts.complaint;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citizen's own message (WhatsApp, SMS) asks of the grievance desk (docs/COMPLAINTS.md, "What the citizen
 * is told"):
 * <ul>
 *   <li>{@link Status}: {@code STATUS <number>} or {@code स्थिति <number>} — any case, spaces around and inside the
 *       number, with or without dashes ({@code status mp 396 123}, {@code STATUS MP-396-000123});</li>
 *   <li>{@link Rate}: the message is a single digit {@code 1}–{@code 5} (Devanagari digits too), optionally
 *       followed by a full stop or a star;</li>
 *   <li>{@link NotSolved}: the message contains one of {@link #NOT_SOLVED} (Hindi or English, any case).</li>
 * </ul>
 * Anything else is an ordinary citizen message ({@link #parse} answers empty).
 */
public sealed interface CitizenCommand {
    /** The phrases that reopen the sender's latest closed complaint. */
    List<String> NOT_SOLVED = List.of("not solved", "not resolved", "unsolved", "not done", "नहीं हुआ", "हल नहीं",
            "नहीं सुलझी", "समाधान नहीं");

    record Status(String number) implements CitizenCommand {
        private static final Pattern RUN = Pattern.compile("([A-Z]{2,3})([0-9]{2,18})");

        /**
         * The complaint numbers the citizen may mean: the number as parsed, or — written without any separator
         * ({@code MP396000123}) — every split of its digits into district and sequence (the desk keeps the one
         * that exists).
         */
        public List<ComplaintNumber> candidates() {
            Optional<ComplaintNumber> parsed = ComplaintNumber.parse(number);
            if (parsed.isPresent()) {
                return List.of(parsed.get());
            }
            Matcher m = RUN.matcher(number.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT));
            if (!m.matches()) {
                return List.of();
            }
            List<ComplaintNumber> out = new java.util.ArrayList<>();
            String digits = m.group(2);
            for (int i = 1; i < digits.length() && i <= 6; i++) {
                ComplaintNumber.parse(m.group(1) + "-" + digits.substring(0, i) + "-" + digits.substring(i))
                        .ifPresent(out::add);
            }
            return out;
        }
    }

    record Rate(int stars) implements CitizenCommand {
    }

    record NotSolved() implements CitizenCommand {
    }

    Pattern STATUS = Pattern.compile("^\\s*(?:status|स्थिति|स्तिथि)\\s*[:\\-]?\\s*([a-z0-9][a-z0-9\\s\\-]{2,30})\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    Pattern RATE = Pattern.compile("^\\s*([1-5१-५])\\s*[.*★⭐]?\\s*$");

    static Optional<CitizenCommand> parse(String text) {
        if (text == null || text.length() > 200) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher status = STATUS.matcher(t);
        if (status.matches()) {
            return Optional.of(new Status(status.group(1).strip()));
        }
        Matcher rate = RATE.matcher(t);
        if (rate.matches()) {
            char c = rate.group(1).charAt(0);
            return Optional.of(new Rate(c >= '१' ? c - '१' + 1 : c - '0'));
        }
        String lower = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (NOT_SOLVED.stream().anyMatch(lower::contains)) {
            return Optional.of(new NotSolved());
        }
        return Optional.empty();
    }
}
