package org.warroom.dashboard.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.warroom.dashboard.security.Tokens;

/**
 * The first administrator's password: {@code WARROOM_ADMIN_PASSWORD} when set, else the one kept in
 * {@code <data.dir>/secrets/admin-password}, else a new one generated, written there (owner-only) and flagged
 * {@link #generated()} so that it is shown once. Used only when no user {@value #USERNAME} exists yet.
 */
public record FirstAdmin(String password, boolean generated) {
    public static final String USERNAME = "admin";

    public static FirstAdmin resolve(Optional<String> configured, Path file) {
        if (configured.isPresent()) {
            return new FirstAdmin(configured.get(), false);
        }
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!kept.isEmpty()) {
                    return new FirstAdmin(kept, false);
                }
            }
            String password = Tokens.random(18);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the secrets folder's own protection applies
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new FirstAdmin(password, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the first administrator password in " + file, e);
        }
    }

    /** The line printed once when the password was generated. */
    public String banner(Path file) {
        return "Dashboard administrator: " + USERNAME + " / " + password + "  (generated; kept in " + file + ")";
    }

    @Override
    public String toString() {
        return "FirstAdmin[generated=" + generated + "]";
    }
}
