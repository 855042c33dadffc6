package org.warroom.notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;
import org.warroom.contracts.result.Severity;

/**
 * Escalation chains from configuration: who is told first, and who next after how long without an
 * acknowledgement. A chain is written {@code 0m=responder; 30m=commander; 2h=operator,@state.duty}: steps
 * separated by {@code ;}, each a delay since the first step and its targets — roles (people of that role whose
 * account covers the alert's district and category) or {@code @username}. The chain for an alert is the first of
 * {@code notify.escalation.<category>.<severity>}, {@code notify.escalation.<category>},
 * {@code notify.escalation.<severity>} and {@code notify.escalation.default}.
 */
public final class EscalationPolicy {
    public static final String DEFAULT_CHAIN = "0m=responder; 30m=commander; 2h=operator";
    /**
     * The shipped chains of escalated complaints ({@code notify.escalation.complaint-level-<n>}, docs/COMPLAINTS.md):
     * level 2 reaches the department's officers of the district, then the district's commanders; level 3 the
     * officers and commanders at once, then the state's operators.
     */
    public static final Map<String, String> COMPLAINT_CHAINS = Map.of(
            "complaint-level-2", "0m=officer; 2h=commander",
            "complaint-level-3", "0m=officer,commander; 2h=operator");

    /** One step of a chain: after {@code after} without acknowledgement, these roles and users are told. */
    public record Step(int number, Duration after, List<Role> roles, List<String> users) {
        public Step {
            roles = List.copyOf(roles);
            users = List.copyOf(users);
        }
    }

    private final Map<String, List<Step>> chains;

    private EscalationPolicy(Map<String, List<Step>> chains) {
        this.chains = Map.copyOf(chains);
    }

    /** Reads {@code notify.escalation.*} for every category and severity it may be asked about. */
    public static EscalationPolicy from(Settings settings, List<String> categories) {
        Map<String, List<Step>> chains = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>();
        keys.add("default");
        for (Severity s : Severity.values()) {
            keys.add(s.wire());
        }
        for (String c : categories) {
            keys.add(c);
            for (Severity s : Severity.values()) {
                keys.add(c + "." + s.wire());
            }
        }
        for (String key : keys) {
            String name = "notify.escalation." + key;
            Optional<String> value = key.equals("default") ? Optional.of(settings.get(name, DEFAULT_CHAIN))
                    : settings.find(name).or(() -> Optional.ofNullable(COMPLAINT_CHAINS.get(key)));
            value.ifPresent(v -> chains.put(key, parse(name, v)));
        }
        return new EscalationPolicy(chains);
    }

    /** A policy with explicit chains (keys as after {@code notify.escalation.}); for tests. */
    public static EscalationPolicy of(Map<String, String> chains) {
        Map<String, List<Step>> parsed = new java.util.HashMap<>();
        chains.forEach((k, v) -> parsed.put(k, parse("notify.escalation." + k, v)));
        parsed.putIfAbsent("default", parse("notify.escalation.default", DEFAULT_CHAIN));
        COMPLAINT_CHAINS.forEach((k, v) -> parsed.putIfAbsent(k, parse("notify.escalation." + k, v)));
        return new EscalationPolicy(parsed);
    }

    public List<Step> chainFor(String category, Severity severity) {
        String sev = severity == null ? "" : severity.wire();
        for (String key : new String[] {category + "." + sev, category, sev}) {
            List<Step> chain = chains.get(key);
            if (chain != null) {
                return chain;
            }
        }
        return chains.get("default");
    }

    static List<Step> parse(String key, String value) {
        List<Step> unnumbered = new ArrayList<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(key, "step '" + part.strip() + "' must be DELAY=TARGETS, e.g. 30m=commander");
            }
            Duration after;
            try {
                after = parseDelay(part.substring(0, eq));
            } catch (RuntimeException e) {
                throw new ConfigException(key, "delay '" + part.substring(0, eq).strip() + "' is not a duration like 30m");
            }
            List<Role> roles = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (String target : part.substring(eq + 1).split(",")) {
                String t = target.strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (t.startsWith("@")) {
                    users.add(t.substring(1));
                } else {
                    roles.add(Role.parse(t).orElseThrow(() -> new ConfigException(key, "unknown role '" + t
                            + "' (operator, commander, responder, admin, officer or @username)")));
                }
            }
            if (roles.isEmpty() && users.isEmpty()) {
                throw new ConfigException(key, "step '" + part.strip() + "' names nobody");
            }
            unnumbered.add(new Step(0, after, roles, users));
        }
        if (unnumbered.isEmpty()) {
            throw new ConfigException(key, "names no step");
        }
        unnumbered.sort(Comparator.comparing(Step::after));
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < unnumbered.size(); i++) {
            Step s = unnumbered.get(i);
            steps.add(new Step(i + 1, s.after(), s.roles(), s.users()));
        }
        return List.copyOf(steps);
    }

    private static Duration parseDelay(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        int split = 0;
        while (split < v.length() && Character.isDigit(v.charAt(split))) {
            split++;
        }
        long n = Long.parseLong(v.substring(0, split));
        return switch (v.substring(split).strip()) {
            case "s" -> Duration.ofSeconds(n);
            case "m", "min", "" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(v);
        };
    }
}
