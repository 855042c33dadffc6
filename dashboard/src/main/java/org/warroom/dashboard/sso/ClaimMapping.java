package org.warroom.dashboard.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;

/**
 * Turns a verified ID token's claims into the warroom identity they give ({@link ClaimRules}), or the reason they
 * give none: no role claim value in the table, a commander or responder without a known district, a name that is
 * not a warroom username. Unknown district and state codes are refused, not dropped: a scope is never widened or
 * narrowed silently.
 */
public final class ClaimMapping {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    /** What the claims give: a user, or why not. */
    public sealed interface Outcome permits Mapped, Refused {
    }

    /** The warroom user of these claims. */
    public record Mapped(String subject, String username, Role role, List<String> districts, List<String> states)
            implements Outcome {
    }

    /** No warroom user: {@code reason} says which claim, for the audit log (never shown with personal data). */
    public record Refused(String subject, String username, String reason) implements Outcome {
    }

    private final ClaimRules rules;
    private final DistrictDirectory districts;
    private final StateDirectory states;

    public ClaimMapping(ClaimRules rules, DistrictDirectory districts, StateDirectory states) {
        this.rules = rules;
        this.districts = districts;
        this.states = states;
    }

    public Outcome map(JsonObject claims) {
        String subject = claims.getString("sub", "");
        Object nameValue = claim(claims, rules.username());
        String username = nameValue instanceof String s ? (rules.prefix() + s).strip().toLowerCase(Locale.ROOT) : null;
        if (username == null || !USERNAME.matcher(username).matches()) {
            return new Refused(subject, username, "claim " + rules.username()
                    + " does not give a username of 2 to 64 letters, digits, '.', '_' or '-'");
        }
        List<String> held = values(claims, rules.roles());
        Role role = null;
        for (Map.Entry<String, Role> entry : rules.roleTable().entrySet()) {
            if (held.contains(entry.getKey())) {
                role = entry.getValue();
                break;
            }
        }
        if (role == null) {
            return new Refused(subject, username, "claim " + rules.roles() + " holds no value of oidc.roles");
        }
        List<String> districtCodes = new ArrayList<>();
        for (String code : values(claims, rules.districts())) {
            if (districts.byCode(code).isEmpty()) {
                return new Refused(subject, username, "claim " + rules.districts() + " names an unknown district " + code);
            }
            districtCodes.add(code);
        }
        List<String> stateCodes = new ArrayList<>();
        for (String code : values(claims, rules.states())) {
            if (states.byCode(code).isEmpty()) {
                return new Refused(subject, username, "claim " + rules.states() + " names an unknown state " + code);
            }
            stateCodes.add(code);
        }
        if (role == Role.COMMANDER || role == Role.RESPONDER) {
            return districtCodes.isEmpty()
                    ? new Refused(subject, username, "a " + role.wire() + " needs a district in claim " + rules.districts())
                    : new Mapped(subject, username, role, List.copyOf(districtCodes), List.of());
        }
        if (role == Role.OPERATOR) {
            return new Mapped(subject, username, role, List.of(), List.copyOf(stateCodes));
        }
        return new Mapped(subject, username, role, List.of(), List.of());
    }

    /** A claim by name, or by a dotted path into nested claims ({@code realm_access.roles}). */
    private static Object claim(JsonObject claims, String name) {
        if (claims.containsKey(name)) {
            return claims.getValue(name);
        }
        Object at = claims;
        for (String part : name.split("\\.")) {
            if (!(at instanceof JsonObject object)) {
                return null;
            }
            at = object.getValue(part);
        }
        return at;
    }

    /** A claim as a list of strings: a string, a list of strings, or nothing (Keycloak, Azure AD and others differ). */
    private static List<String> values(JsonObject claims, String name) {
        Object value = claim(claims, name);
        if (value instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.strip());
        }
        if (value instanceof JsonArray array) {
            List<String> out = new ArrayList<>();
            for (Object item : array) {
                if (item != null) {
                    out.add(item.toString().strip());
                }
            }
            return out;
        }
        return List.of();
    }
}
