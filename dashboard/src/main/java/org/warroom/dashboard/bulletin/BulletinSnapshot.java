package org.warroom.dashboard.bulletin;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One built bulletin: its JSON encoded once (every reader gets the same bytes), an ETag, and when it was built. */
public record BulletinSnapshot(Buffer json, String etag, Instant builtAt) {

    public static BulletinSnapshot of(byte[] json, Instant builtAt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return new BulletinSnapshot(Buffer.buffer(json), "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"",
                    builtAt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String text() {
        return json.toString(StandardCharsets.UTF_8);
    }
}
