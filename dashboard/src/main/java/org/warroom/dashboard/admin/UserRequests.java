package org.warroom.dashboard.admin;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warroom.contracts.account.Contact;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.account.UserAccount;
import org.warroom.contracts.event.TicketCategory;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.dashboard.http.Answers;
import org.warroom.dashboard.http.ApiError;

/**
 * Validates {@code POST /api/v1/admin/users} bodies ({@code {"username", "password"?, "role", "districts",
 * "categories", "departments" (officers), "states" (operators limited to some states), "contact": {"email"?, "phone"?, "webhook"?}, "disabled"?}}) and turns them into the account to
 * store, with a clear field error for the first problem found. Creating needs a password; updating keeps the old
 * one when none is given. Password hashing is left to the caller (it is slow).
 */
public final class UserRequests {
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 256;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");

    private static final String ROLES = "operator, commander, responder, admin, officer, agent or supervisor";
    private final DistrictDirectory districts;
    private final StateDirectory states;

    public UserRequests(DistrictDirectory districts, StateDirectory states) {
        this.districts = districts;
        this.states = states;
    }

    /** A validated request: the account to store (hash still the old one, or null) and the new password, if any. */
    public record Change(UserAccount account, Optional<String> newPassword, boolean created) {
    }

    public Change parse(JsonObject body, Optional<UserAccount> existing, String actor, Instant now) {
        String username = Answers.string(body, "username", 64);
        if (username == null || username.isBlank()) {
            throw ApiError.invalid("username", "is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw ApiError.invalid("username", "use 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String password = Answers.string(body, "password", MAX_PASSWORD);
        if (password == null && existing.isEmpty()) {
            throw ApiError.invalid("password", "is required for a new user");
        }
        if (password != null && password.length() < MIN_PASSWORD) {
            throw ApiError.invalid("password", "must be at least " + MIN_PASSWORD + " characters long");
        }
        if (password != null && password.equalsIgnoreCase(username)) {
            throw ApiError.invalid("password", "must not be the username");
        }
        String roleText = Answers.string(body, "role", 32);
        if (roleText == null && existing.isEmpty()) {
            throw ApiError.invalid("role", "is required: " + ROLES);
        }
        Role role = roleText == null ? existing.get().roleEnum() : Role.parse(roleText)
                .filter(r -> r != Role.DISPLAY)
                .orElseThrow(() -> ApiError.invalid("role", "must be " + ROLES
                        + (Role.parse(roleText).isPresent() ? " (wall displays are registered under /api/v1/admin/displays)" : "")));
        List<String> districtCodes = body.containsKey("districts") || existing.isEmpty()
                ? districts(Answers.strings(body, "districts", 1000)) : existing.get().districts();
        List<String> categories = body.containsKey("categories") || existing.isEmpty()
                ? categories(Answers.strings(body, "categories", 50)) : existing.get().categories();
        switch (role) {
            case OPERATOR, ADMIN, SUPERVISOR -> {
                if (!districtCodes.isEmpty()) {
                    throw ApiError.invalid("districts", "an " + role.wire() + " sees every district: leave districts empty");
                }
                if (!categories.isEmpty()) {
                    throw ApiError.invalid("categories", "only responders have categories");
                }
            }
            case COMMANDER -> {
                if (districtCodes.isEmpty()) {
                    throw ApiError.invalid("districts", "a commander needs at least one district");
                }
                if (!categories.isEmpty()) {
                    throw ApiError.invalid("categories", "only responders have categories");
                }
            }
            case RESPONDER -> {
                if (districtCodes.isEmpty()) {
                    throw ApiError.invalid("districts", "a responder needs at least one district");
                }
            }
            case OFFICER -> {
                if (districtCodes.isEmpty()) {
                    throw ApiError.invalid("districts", "an officer needs at least one district");
                }
            }
            case AGENT -> {
                if (!categories.isEmpty()) {
                    throw ApiError.invalid("categories", "only responders have categories");
                }
            }
        }
        List<String> departments = body.containsKey("departments") || existing.isEmpty()
                ? departments(Answers.strings(body, "departments", 50)) : existing.get().departments();
        if (role == Role.OFFICER && departments.isEmpty()) {
            throw ApiError.invalid("departments", "an officer needs at least one department (e.g. Food and Civil Supplies)");
        }
        if (role != Role.OFFICER && !departments.isEmpty()) {
            throw ApiError.invalid("departments", "only officers have departments");
        }
        List<String> stateCodes = body.containsKey("states") || existing.isEmpty()
                ? states(Answers.strings(body, "states", 40)) : existing.get().states();
        if (role != Role.OPERATOR && !stateCodes.isEmpty()) {
            throw ApiError.invalid("states", "only operators are limited to states; a " + role.wire()
                    + (role == Role.ADMIN || role == Role.SUPERVISOR ? " sees every state" : " is bound to districts"));
        }
        Contact contact = body.containsKey("contact") || existing.isEmpty()
                ? contact(body.getValue("contact")) : existing.get().contact();
        Object disabledValue = body.getValue("disabled");
        if (disabledValue != null && !(disabledValue instanceof Boolean)) {
            throw ApiError.invalid("disabled", "must be true or false");
        }
        boolean disabled = disabledValue == null ? existing.map(UserAccount::disabled).orElse(false) : (Boolean) disabledValue;
        UserAccount account = new UserAccount(username, existing.map(UserAccount::passwordHash).orElse(null),
                role.wire(), districtCodes, categories, contact, disabled,
                existing.map(UserAccount::createdAt).orElse(now), now, actor, departments, stateCodes);
        return new Change(account, Optional.ofNullable(password), existing.isEmpty());
    }

    private List<String> districts(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            final int index = i;
            String known = districts.byCode(code).map(d -> d.code()).orElseThrow(() -> {
                List<String> suggestions = districts.suggest(code, 3);
                return ApiError.invalid("districts[" + index + "]", "unknown LGD district code '" + code + "'"
                        + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
            });
            out.add(known);
        }
        return new ArrayList<>(out);
    }

    private List<String> states(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i).strip();
            final int index = i;
            out.add(states.byCode(code).map(s -> s.code()).orElseThrow(() -> ApiError.invalid("states[" + index + "]",
                    "unknown LGD state code '" + code + "'" + states.resolve(code).map(c -> "; did you mean " + c + "?")
                            .orElse(" (e.g. 23 for Madhya Pradesh, 10 for Bihar)"))));
            if (districts.inState(code).isEmpty()) {
                throw ApiError.invalid("states[" + i + "]", "state " + code + " has no districts in the reference data");
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> departments(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String d = given.get(i);
            if (d.length() > 64 || d.chars().anyMatch(Character::isISOControl) || d.contains("|")) {
                throw ApiError.invalid("departments[" + i + "]", "a department name of at most 64 characters, one line, no '|'");
            }
            out.add(d);
        }
        return new ArrayList<>(out);
    }

    private static List<String> categories(List<String> given) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            int index = i;
            out.add(TicketCategory.parse(given.get(i)).orElseThrow(() -> ApiError.invalid("categories[" + index + "]",
                    "unknown category '" + given.get(index) + "'; allowed: " + String.join(", ", TicketCategory.ALL))));
        }
        return new ArrayList<>(out);
    }

    private static Contact contact(Object value) {
        if (value == null) {
            return Contact.NONE;
        }
        if (!(value instanceof JsonObject c)) {
            throw ApiError.invalid("contact", "must be an object with email, phone and/or webhook");
        }
        for (String name : c.fieldNames()) {
            if (!List.of("email", "phone", "webhook").contains(name)) {
                throw ApiError.invalid("contact." + name, "unknown contact field; use email, phone or webhook");
            }
        }
        String email = blankToNull(Answers.string(c, "email", 320), "contact.email");
        String phone = blankToNull(Answers.string(c, "phone", 32), "contact.phone");
        String webhook = blankToNull(Answers.string(c, "webhook", 2000), "contact.webhook");
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw ApiError.invalid("contact.email", "is not an e-mail address");
        }
        if (phone != null) {
            phone = phone.replace(" ", "").replace("-", "");
            if (!PHONE.matcher(phone).matches()) {
                throw ApiError.invalid("contact.phone", "must be an international number such as +919876543210");
            }
        }
        if (webhook != null) {
            try {
                URI uri = new URI(webhook);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                        || uri.getUserInfo() != null) {
                    throw ApiError.invalid("contact.webhook", "must be an http(s) URL without credentials");
                }
            } catch (java.net.URISyntaxException e) {
                throw ApiError.invalid("contact.webhook", "is not a URL");
            }
        }
        return new Contact(email, phone, webhook);
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ApiError.invalid(field, "must not contain control characters");
        }
        return value.strip();
    }
}
