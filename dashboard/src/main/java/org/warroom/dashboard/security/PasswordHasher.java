package org.warroom.dashboard.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id (password4j), OWASP's parameters: 19 MiB, 2 passes, 1 lane, 16-byte random salt.
 * The stored form is the PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so parameters can be
 * raised later without breaking stored hashes. Slow on purpose (tens of milliseconds): call it off the event loop.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked when the user does not exist, so that an unknown name costs as much time as a wrong password. */
    private static final String DUMMY = hash("not-a-real-password-only-for-timing");

    private PasswordHasher() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** Whether {@code password} matches {@code storedHash}; a null hash (no such user) checks a dummy and says no. */
    public static boolean matches(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        if (storedHash == null || !storedHash.startsWith("$argon2")) {
            Password.check(password, DUMMY).with(ARGON2);
            return false;
        }
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
