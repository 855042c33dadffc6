package org.warroom.contracts.text;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.result.Alert;

/**
 * An alert in words, in English or Hindi, from the bundles ({@code alert.text.<rule>}): the district by its name in
 * that language (never its LGD code), the commodity, department and helpline by their labels, and figures rounded as
 * a reader reads them — days and hours to one decimal and never below zero (an exhausted stock reads "out of
 * stock", not "runs out in −0.0 h"; under an hour, whole minutes), shares as whole percentages, counts as whole
 * numbers.
 */
public final class AlertText {
    /** A value this large means "no bound" (no daily need, nothing predicted). */
    public static final double UNBOUNDED = 1e15;

    private final Words words;
    private final DistrictDirectory districts;

    public AlertText(Words words, DistrictDirectory districts) {
        this.words = words;
        this.districts = districts;
    }

    public String render(Alert a, Language language) {
        Map<String, Object> v = new HashMap<>();
        v.put("district", districtName(a.district(), language));
        v.put("commodity", a.commodity() == null ? "" : words.get(language, "commodity." + a.commodity().wire()));
        v.put("threshold", number(a.threshold()));
        String key = "alert.text." + a.rule();
        double value = a.value();
        switch (a.rule()) {
            case "shortage-critical" -> {
                if (value >= UNBOUNDED) {
                    key += ".unbounded";
                }
                v.put("value", oneDecimal(value));
            }
            case "stockout-predicted" -> {
                if (value >= UNBOUNDED) {
                    key += ".unbounded";
                } else if (value <= 0) {
                    key += ".out";
                } else if (value < 1) {
                    key += ".minutes";
                    v.put("value", Long.toString(Math.max(1, (long) Math.ceil(value * 60))));
                    break;
                }
                v.put("value", oneDecimal(value));
            }
            case "report-stale" -> v.put("value", oneDecimal(value));
            case "line-load" -> {
                v.put("line", line(a.subject(), language));
                v.put("value", whole(value * 100));
                v.put("threshold", whole(a.threshold() * 100));
            }
            case "backlog-breaches" -> {
                v.put("department", department(a.subject(), language));
                v.put("value", whole(value));
            }
            case "overdue-directive" -> {
                v.put("value", oneDecimal(Math.max(0, value)));
                String subject = a.subject() == null ? "" : a.subject();
                v.put("directive", subject.substring(subject.indexOf('|') + 1));
            }
            case "complaint-escalated" -> {
                v.put("value", oneDecimal(Math.max(0, value)));
                // subject district|department|number|level (complaint.ComplaintEscalation; read here, no package cycle)
                String[] p = a.subject() == null ? new String[0] : a.subject().split("\\|", -1);
                v.put("department", p.length == 4 ? departmentName(p[1], language) : "");
                v.put("number", p.length == 4 ? p[2] : "");
                v.put("level", p.length == 4 ? p[3] : "");
            }
            default -> v.put("value", whole(value));
        }
        if (words.find(language, key) == null) {
            return a.rule() + " " + (a.subject() == null ? "" : a.subject()) + ": " + number(value);
        }
        return words.format(language, key, v);
    }

    private String districtName(String code, Language language) {
        if (code == null) {
            return words.get(language, "alert.stateWide");
        }
        return districts.byCode(code)
                .map(d -> language == Language.HI && d.nameHi() != null && !d.nameHi().isBlank() ? d.nameHi() : d.name())
                .orElse(code);
    }

    private String line(String subject, Language language) {
        java.util.Optional<String> room = org.warroom.contracts.event.ControlRoomLines.districtOf(subject);
        if (room.isPresent()) { // a district control room's own line: named by its district
            return words.format(language, "line.district-control.room",
                    Map.of("district", districtName(room.get(), language)));
        }
        String text = subject == null ? null : words.find(language, "line." + subject);
        return text != null ? text : words.format(language, "alert.line", Map.of("line", subject == null ? "" : subject));
    }

    private String department(String subject, Language language) {
        String dept = subject != null && subject.contains("|") ? subject.substring(subject.indexOf('|') + 1) : subject;
        String text = dept == null ? null : words.find(language, "category." + dept);
        return text != null ? text : String.valueOf(dept);
    }

    /** A desk's department by its bundle name ({@code dept.<slug>}), else as routed. */
    private String departmentName(String name, Language language) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String text = words.find(language, "dept." + slug);
        return text != null ? text : name;
    }

    private static String oneDecimal(double v) {
        double shown = Math.max(0, Math.round(v * 10) / 10.0);
        return String.format(Locale.ROOT, "%.1f", shown);
    }

    private static String whole(double v) {
        return Long.toString(Math.round(Math.max(0, v)));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
    }
}
