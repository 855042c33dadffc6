package org.warroom.contracts.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The shared source data ({@code shared/data}), found by walking up from the working directory. */
final class SharedData {

    private SharedData() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/data above " + Path.of("").toAbsolutePath());
    }

    /** The {@code dt_code} values of a GeoJSON file under {@code geo/}. */
    static Set<String> geoDistrictCodes(String file) {
        try {
            JsonNode root = new ObjectMapper().readTree(dir().resolve("geo").resolve(file).toFile());
            Set<String> codes = new HashSet<>();
            for (JsonNode f : root.get("features")) {
                JsonNode code = f.get("properties").get("dt_code");
                if (code != null) {
                    codes.add(code.asText());
                }
            }
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean available() {
        try {
            dir();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
