package org.warroom.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys: presented as {@code wr_<keyId>_<secret>} (key id: 12 lower-case hex characters; secret: 32 random
 * bytes, base64url), stored only as the lower-case hex SHA-256 of the whole presented string. A key that does
 * not follow the format (an operator's own {@code WARROOM_INGEST_KEY}) gets the key id {@code x} plus the first
 * 12 hex characters of its hash.
 */
public final class ApiKeys {
    private static final Pattern FORMAT = Pattern.compile("wr_([0-9a-z]{4,32})_([A-Za-z0-9_-]{16,})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new random key. */
    public static String generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return "wr_" + HexFormat.of().formatHex(id) + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The key id a presented key names. */
    public static String keyId(String key) {
        Matcher m = FORMAT.matcher(key);
        return m.matches() ? m.group(1) : "x" + sha256(key).substring(0, 12);
    }

    /** Lower-case hex SHA-256 of the key's UTF-8 bytes: what a grant stores. */
    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code key} hashes to {@code expectedSha256}, compared in constant time. */
    public static boolean matches(String key, String expectedSha256) {
        if (expectedSha256 == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key).getBytes(StandardCharsets.US_ASCII),
                expectedSha256.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
