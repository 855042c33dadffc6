package org.warroom.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The providers' request signatures, computed as their documentation describes and compared in constant time. */
public final class Signatures {
    private Signatures() {
    }

    /**
     * Meta (WhatsApp Business Cloud API) {@code X-Hub-Signature-256}: {@code sha256=} and the lower-case hex
     * HMAC-SHA256 of the raw request body, keyed with the app secret.
     */
    public static String whatsApp(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    public static boolean whatsAppValid(String appSecret, byte[] body, String header) {
        return header != null && constantTimeEquals(whatsApp(appSecret, body), header.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Twilio {@code X-Twilio-Signature}: Base64 of the HMAC-SHA1, keyed with the auth token, of the full URL
     * Twilio called (scheme, host, path, query) followed by every POST parameter name and value, names sorted.
     */
    public static String twilio(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> values.stream().sorted().forEach(v -> data.append(name).append(v)));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean twilioValid(String authToken, String url, Map<String, List<String>> params, String header) {
        return header != null && constantTimeEquals(twilio(authToken, url, params), header.strip());
    }

    /** Equality that takes the same time wherever the first difference is. */
    public static boolean constantTimeEquals(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
