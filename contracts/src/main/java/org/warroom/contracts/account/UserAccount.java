package org.warroom.contracts.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A dashboard user as stored in the compacted topic {@code warroom.users}, keyed by {@link #username()}. The
 * password is kept only as its Argon2id hash (PHC string). Never sent to a browser as is: see {@link #publicView()}.
 *
 * @param role       operator, commander, responder or admin (wire form lower-case)
 * @param districts  LGD codes a commander or responder is bound to (empty for operator and admin)
 * @param categories alert categories a responder handles (commodities or ticket categories); empty means all
 * @param contact    where alert delivery reaches the user
 * @param disabled   a disabled user cannot log in, and their sessions end
 * @param departments the complaint desks (department names) an officer works; empty for other roles
 * @param states     LGD state codes an operator is limited to (they then see those states' districts only);
 *                   empty: every state
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAccount(String username, String passwordHash, String role, List<String> districts,
                          List<String> categories, Contact contact, boolean disabled, Instant createdAt,
                          Instant updatedAt, String updatedBy, List<String> departments, List<String> states) {

    public UserAccount {
        districts = districts == null ? List.of() : List.copyOf(districts);
        states = states == null ? List.of() : List.copyOf(states);
        departments = departments == null ? List.of() : List.copyOf(departments);
        categories = categories == null ? List.of() : List.copyOf(categories);
        contact = contact == null ? Contact.NONE : contact;
    }

    /** A user without state limits (every user but a state-limited operator). */
    public UserAccount(String username, String passwordHash, String role, List<String> districts,
                       List<String> categories, Contact contact, boolean disabled, Instant createdAt,
                       Instant updatedAt, String updatedBy, List<String> departments) {
        this(username, passwordHash, role, districts, categories, contact, disabled, createdAt, updatedAt, updatedBy,
                departments, List.of());
    }

    /** A user without departments (every role but officer). */
    public UserAccount(String username, String passwordHash, String role, List<String> districts,
                       List<String> categories, Contact contact, boolean disabled, Instant createdAt,
                       Instant updatedAt, String updatedBy) {
        this(username, passwordHash, role, districts, categories, contact, disabled, createdAt, updatedAt, updatedBy,
                List.of());
    }

    public Role roleEnum() {
        return Role.parse(role).orElseThrow(() -> new IllegalStateException("stored user " + username
                + " has an unknown role " + role));
    }

    /** What administrators see: everything but the hash. */
    public UserView publicView() {
        return new UserView(username, role, districts, categories, contact, disabled, createdAt, updatedAt, updatedBy,
                departments.isEmpty() ? null : departments, states.isEmpty() ? null : states);
    }

    /** The same user with another password hash. */
    public UserAccount withPasswordHash(String hash) {
        return new UserAccount(username, hash, role, districts, categories, contact, disabled, createdAt, updatedAt,
                updatedBy, departments, states);
    }

    /** {@link UserAccount} without its password hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, String role, List<String> districts, List<String> categories,
                           Contact contact, boolean disabled, Instant createdAt, Instant updatedAt, String updatedBy,
                           List<String> departments, List<String> states) {
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + ", districts=" + districts + ", states=" + states + ", disabled=" + disabled + "]";
    }
}
