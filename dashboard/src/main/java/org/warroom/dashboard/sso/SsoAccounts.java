package org.warroom.dashboard.sso;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.account.UserAccount;
import org.warroom.vertxkafka.UserDirectory;

/**
 * The warroom account of a user who logs in through the provider, kept in the user directory like any other (so
 * sessions, scope checks, admin listing and disabling work unchanged): created at their first login, its role,
 * districts and states set from the claims at every login. It has no password (its hash is the marker
 * {@value #NO_PASSWORD}, which no password matches), so it cannot log in locally. A local account of the same name
 * is never taken over, and an account an administrator disabled stays disabled.
 */
public final class SsoAccounts {
    /** The password hash of an account made by single sign-on: not a hash, so no password ever matches it. */
    public static final String NO_PASSWORD = "!sso";
    /** Who wrote such an account ({@code updatedBy}). */
    public static final String WRITER = "sso";

    /** The account to log in with, and whether the login changed it. */
    public record Provisioned(UserAccount account, String change) {
    }

    private final UserDirectory users;
    private final Clock clock;

    public SsoAccounts(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** The account of these claims, written when new or changed; fails with {@link Refusal} when it may not log in. */
    public Future<Provisioned> provision(ClaimMapping.Mapped mapped) {
        Optional<UserAccount> existing = users.find(mapped.username());
        if (existing.isPresent() && !NO_PASSWORD.equals(existing.get().passwordHash())) {
            return Future.failedFuture(new Refusal("a local account is named " + mapped.username()));
        }
        if (existing.isPresent() && existing.get().disabled()) {
            return Future.failedFuture(new Refusal("the account is disabled in warroom"));
        }
        Instant now = clock.instant();
        UserAccount old = existing.orElse(null);
        if (old != null && old.role().equals(mapped.role().wire()) && old.districts().equals(mapped.districts())
                && old.states().equals(mapped.states())) {
            return Future.succeededFuture(new Provisioned(old, "unchanged"));
        }
        UserAccount account = new UserAccount(mapped.username(), NO_PASSWORD, mapped.role().wire(), mapped.districts(),
                List.of(), old == null ? null : old.contact(), false, old == null ? now : old.createdAt(), now, WRITER,
                List.of(), mapped.states());
        return users.save(account).map(saved -> new Provisioned(saved, old == null ? "created" : "updated"));
    }

    /** Why a mapped user still may not log in. */
    public static final class Refusal extends RuntimeException {
        public Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
