package org.warroom.dashboard.sso;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.warroom.dashboard.security.Tokens;

/**
 * One browser's login at the provider, between the redirect there and the callback: the OAuth {@code state}
 * (binds the callback to this browser: no login CSRF), the OIDC {@code nonce} (binds the ID token to it: no
 * replay), the PKCE verifier (RFC 7636, S256: a stolen code is useless) and the local page to return to. Kept in a
 * short-lived HttpOnly cookie, so that any dashboard instance can finish the login.
 */
public record LoginFlow(String state, String nonce, String verifier, String next) {

    public static LoginFlow start(String next) {
        return new LoginFlow(Tokens.random(24), Tokens.random(24), Tokens.random(48), localPath(next));
    }

    /** The S256 code challenge of the verifier. */
    public String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public String cookieValue() {
        return state + "." + nonce + "." + verifier + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(next.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<LoginFlow> fromCookie(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            String next = new String(Base64.getUrlDecoder().decode(parts[3]), StandardCharsets.UTF_8);
            return Optional.of(new LoginFlow(parts[0], parts[1], parts[2], localPath(next)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only a path of this site ({@code /district/188}), never another origin ({@code //evil}, {@code /\evil}). */
    static String localPath(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == '\\') || next.length() > 512) {
            return "/";
        }
        return next;
    }
}
