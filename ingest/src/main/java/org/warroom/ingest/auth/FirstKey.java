package org.warroom.ingest.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warroom.contracts.access.ApiKeyGrant;

/**
 * The first ingest API key (every feed, every district): {@code WARROOM_INGEST_KEY} when set, else the one kept
 * in {@code <data.dir>/secrets/ingest-key}, else a new one generated, written there (owner-only) and flagged
 * {@link #generated()} so that it is shown once.
 */
public record FirstKey(String key, boolean generated) {
    public static final String SOURCE = "first-key";

    public static FirstKey resolve(Optional<String> configured, Path keyFile) {
        if (configured.isPresent()) {
            return new FirstKey(configured.get(), false);
        }
        try {
            if (Files.isRegularFile(keyFile)) {
                String kept = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return new FirstKey(kept, false);
                }
            }
            String key = ApiKeys.generate();
            Files.createDirectories(keyFile.getParent());
            Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
            Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
            Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new FirstKey(key, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the first ingest key in " + keyFile, e);
        }
    }

    /** The grant stored for this key: all feeds, all districts. */
    public ApiKeyGrant grant(Instant now) {
        return new ApiKeyGrant(ApiKeys.keyId(key), SOURCE, ApiKeys.sha256(key), List.of(), List.of(), now, "ingest", null);
    }

    /** The banner line printed once when the key was generated. */
    public String banner() {
        return "Ingest API key (all feeds, all districts): " + key;
    }

    @Override
    public String toString() {
        return "FirstKey[" + ApiKeys.keyId(key) + ", generated=" + generated + "]";
    }
}
