package org.warroom.contracts.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Configuration as key/value settings, looked up in the environment, then a properties file, then the defaults.
 *
 * <p>Keys are dotted ({@code kafka.bootstrap}); the environment variable for a key is {@code WARROOM_} plus the
 * key upper-cased with dots and dashes as underscores ({@code WARROOM_KAFKA_BOOTSTRAP}). The file is named by
 * {@code WARROOM_CONFIG_FILE}. A setting whose value names a file with the suffix {@code _FILE}
 * ({@code WARROOM_ADMIN_PASSWORD_FILE=/run/secrets/admin}) is read from that file, so secrets can come from
 * mounted files. Each service turns these into its own immutable, validated config record at start.
 */
public final class Settings {
    public static final String CONFIG_FILE_VARIABLE = "WARROOM_CONFIG_FILE";

    private final Map<String, String> env;
    private final Map<String, String> file;

    private Settings(Map<String, String> env, Map<String, String> file) {
        this.env = Map.copyOf(env);
        this.file = Map.copyOf(file);
    }

    /** Settings from this process's environment and the file it names. */
    public static Settings fromEnvironment() {
        return of(System.getenv());
    }

    /** Settings from the given environment (tests pass their own) and the file it names, if any. */
    public static Settings of(Map<String, String> env) {
        String path = env.get(CONFIG_FILE_VARIABLE);
        return new Settings(env, path == null || path.isBlank() ? Map.of() : readProperties(Path.of(path)));
    }

    /** Settings from explicit key/value pairs only (keys dotted, as in the file); for tests. */
    public static Settings ofKeys(Map<String, String> keys) {
        Map<String, String> env = new HashMap<>();
        keys.forEach((k, v) -> env.put(variableFor(k), v));
        return new Settings(env, Map.of());
    }

    /** A copy with some settings overridden (keys dotted); for tests and for derived services. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(env);
        overrides.forEach((k, v) -> merged.put(variableFor(k), v));
        return new Settings(merged, file);
    }

    /** The environment variable that sets {@code key}. */
    public static String variableFor(String key) {
        return "WARROOM_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> find(String key) {
        String variable = variableFor(key);
        String value = env.get(variable);
        if (value == null) {
            String fromFile = env.get(variable + "_FILE");
            if (fromFile != null && !fromFile.isBlank()) {
                value = readSecretFile(variable + "_FILE", Path.of(fromFile));
            }
        }
        if (value == null) {
            value = file.get(key);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public String get(String key, String defaultValue) {
        return find(key).orElse(defaultValue);
    }

    /** A setting that must be present. */
    public String require(String key) {
        return find(key).orElseThrow(() -> new ConfigException(key, "is required (set " + variableFor(key) + ")"));
    }

    public int getInt(String key, int defaultValue) {
        return find(key).map(v -> parse(key, v, Integer::parseInt, "a whole number")).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return find(key).map(v -> parse(key, v, Long::parseLong, "a whole number")).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return find(key).map(v -> parse(key, v, Double::parseDouble, "a number")).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::parseBoolean, "true or false")).orElse(defaultValue);
    }

    /** A duration as ISO-8601 ({@code PT30S}) or a number with a unit: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}. */
    public Duration getDuration(String key, Duration defaultValue) {
        return find(key).map(v -> parse(key, v, Settings::parseDuration, "a duration such as 30s, 5m, 2h or PT1H"))
                .orElse(defaultValue);
    }

    /** A TCP port; 0 means "any free port" (tests). */
    public int getPort(String key, int defaultValue) {
        int port = getInt(key, defaultValue);
        if (port < 0 || port > 65535) {
            throw new ConfigException(key, "must be a port between 0 and 65535, was " + port);
        }
        return port;
    }

    /** Every setting under {@code prefix.} from the file and the environment, prefix removed (for pass-through maps). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
        file.forEach((k, v) -> {
            if (k.startsWith(dotted)) {
                out.put(k.substring(dotted.length()), v);
            }
        });
        return out;
    }

    static Duration parseDuration(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        int split = 0;
        while (split < v.length() && (Character.isDigit(v.charAt(split)) || v.charAt(split) == '.')) {
            split++;
        }
        double amount = Double.parseDouble(v.substring(0, split));
        String unit = v.substring(split).strip();
        long millis = switch (unit) {
            case "ms" -> Math.round(amount);
            case "s", "" -> Math.round(amount * 1_000);
            case "m", "min" -> Math.round(amount * 60_000);
            case "h" -> Math.round(amount * 3_600_000);
            case "d" -> Math.round(amount * 86_400_000);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        return Duration.ofMillis(millis);
    }

    private static boolean parseBoolean(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser, String expected) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException(key, "must be " + expected + ", was '" + value + "'");
        }
    }

    /** Reads a properties file as UTF-8 (Hindi text in configuration stays intact). */
    public static Map<String, String> readProperties(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + path, e);
        }
        Map<String, String> out = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> out.put(name, properties.getProperty(name)));
        return out;
    }

    private static String readSecretFile(String variable, Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(variable, "names a file that cannot be read: " + path);
        }
    }
}
