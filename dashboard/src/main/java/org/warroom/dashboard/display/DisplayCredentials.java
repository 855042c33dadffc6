package org.warroom.dashboard.display;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A display's device credential: {@code wrd_<id>_<secret>} (id 12 lower-case hex characters, secret 32 random
 * bytes base64url), shown once at registration and stored only as its SHA-256.
 */
public final class DisplayCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("wrd_([0-9a-f]{12})_[A-Za-z0-9_-]{43}");

    private DisplayCredentials() {
    }

    /** A new display id and its credential. */
    public record Issued(String id, String credential) {
        @Override
        public String toString() {
            return "Issued[" + id + "]";
        }
    }

    public static Issued issue() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String hex = HexFormat.of().formatHex(id);
        return new Issued(hex, "wrd_" + hex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether the text has the form of a display credential. */
    public static boolean looksLikeOne(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    /** The display id inside a credential of the right form. */
    public static Optional<String> idOf(String credential) {
        if (credential == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(credential);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
