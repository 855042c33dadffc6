package org.warroom.dashboard.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ingest API keys as ingest verifies them ({@code org.warroom.ingest.auth.ApiKeys}; the services share only the
 * contracts, so the format is restated here and pinned by a test): presented as {@code wr_<keyId>_<secret>}
 * (key id 12 lower-case hex characters, secret 32 random bytes base64url), stored only as the lower-case hex
 * SHA-256 of the whole presented string.
 */
public final class IngestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private IngestKeys() {
    }

    /** A new key and its id. */
    public record NewKey(String keyId, String key) {
        @Override
        public String toString() {
            return "NewKey[" + keyId + "]";
        }
    }

    public static NewKey generate() {
        byte[] id = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        return new NewKey(keyId, "wr_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
