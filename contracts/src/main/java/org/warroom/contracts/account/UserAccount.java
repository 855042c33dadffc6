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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAccount(String username, String passwordHash, String role, List<String> districts,
                          List<String> categories, Contact contact, boolean disabled, Instant createdAt,
                          Instant updatedAt, String updatedBy) {

    public UserAccount {
        districts = districts == null ? List.of() : List.copyOf(districts);
        categories = categories == null ? List.of() : List.copyOf(categories);
        contact = contact == null ? Contact.NONE : contact;
    }

    public Role roleEnum() {
        return Role.parse(role).orElseThrow(() -> new IllegalStateException("stored user " + username
                + " has an unknown role " + role));
    }

    /** What administrators see: everything but the hash. */
    public UserView publicView() {
        return new UserView(username, role, districts, categories, contact, disabled, createdAt, updatedAt, updatedBy);
    }

    /** {@link UserAccount} without its password hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UserView(String username, String role, List<String> districts, List<String> categories,
                           Contact contact, boolean disabled, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + role + ", districts=" + districts + ", disabled=" + disabled + "]";
    }
}
