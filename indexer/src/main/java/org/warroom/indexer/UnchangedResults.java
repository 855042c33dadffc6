package org.warroom.indexer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The digest of the value last indexed per result key (topic and key), so that a result sent again with the same
 * value (a restart of streams, a re-evaluation that changed nothing) adds no snapshot document: the history keeps one
 * point per change. Forgotten when partitions move ({@link #forget()}): another indexer may have written a different
 * value of the same key meanwhile. At most {@code capacity} keys, least recently seen forgotten first (a forgotten key
 * only costs one snapshot more).
 */
final class UnchangedResults {
    private static final int DIGEST_BYTES = 16;

    private final Map<String, byte[]> last;

    UnchangedResults(int capacity) {
        this.last = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether {@code value} differs from what was last seen for the key; remembers it either way. */
    boolean changed(String topic, String key, byte[] value) {
        byte[] digest = digest(value);
        byte[] before = last.put(topic + '\u0000' + key, digest);
        return before == null || !Arrays.equals(before, digest);
    }

    void forget() {
        last.clear();
    }

    int size() {
        return last.size();
    }

    private static byte[] digest(byte[] value) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(value), DIGEST_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
