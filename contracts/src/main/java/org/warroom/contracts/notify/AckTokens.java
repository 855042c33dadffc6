package org.warroom.contracts.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Acknowledgement tokens for the link in every notification: {@code payload.signature}, both base64url, where the
 * payload is {@code tokenId|alertId|user|expiresEpochSeconds} and the signature its HMAC-SHA256 (first 16 bytes)
 * under {@code notify.ack.secret}. Self-contained, so any dashboard instance can check one; single use is kept
 * apart (the used token ids, {@link NotifyTopics#TOKEN_USES}).
 */
public final class AckTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int SIGNATURE_BYTES = 16;

    /** A token that checked out: who may acknowledge which alert. */
    public record Claim(String tokenId, String alertId, String user, Instant expires) {
    }

    /** Why a token is refused. */
    public enum Refusal { FORGED, EXPIRED, USED }

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AckTokens(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the acknowledgement secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    public String issue(String alertId, String user) {
        byte[] id = new byte[9];
        random.nextBytes(id);
        String payload = ENCODER.encodeToString(id) + "|" + alertId + "|" + user + "|"
                + clock.instant().plus(ttl).getEpochSecond();
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(p) + "." + ENCODER.encodeToString(sign(p));
    }

    /** The claim of a well-signed token, or why not: {@link Refusal#FORGED} or {@link Refusal#EXPIRED}. */
    public Result check(String token) {
        if (token == null || token.length() > 1024) {
            return Result.refused(Refusal.FORGED);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Result.refused(Refusal.FORGED);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Result.refused(Refusal.FORGED);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Result.refused(Refusal.FORGED);
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length < 4) {
            return Result.refused(Refusal.FORGED);
        }
        // the alert id itself contains '|': the user and expiry are the last two parts
        String expires = parts[parts.length - 1];
        String user = parts[parts.length - 2];
        String alertId = String.join("|", Arrays.copyOfRange(parts, 1, parts.length - 2));
        Instant expiry;
        try {
            expiry = Instant.ofEpochSecond(Long.parseLong(expires));
        } catch (NumberFormatException e) {
            return Result.refused(Refusal.FORGED);
        }
        Claim claim = new Claim(parts[0], alertId, user, expiry);
        if (!clock.instant().isBefore(expiry)) {
            return new Result(Optional.of(claim), Optional.of(Refusal.EXPIRED));
        }
        return new Result(Optional.of(claim), Optional.empty());
    }

    /** The outcome of {@link #check}: a claim (present also when expired, for the audit), and a refusal if any. */
    public record Result(Optional<Claim> claim, Optional<Refusal> refusal) {
        static Result refused(Refusal why) {
            return new Result(Optional.empty(), Optional.of(why));
        }

        public boolean ok() {
            return refusal.isEmpty();
        }
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
