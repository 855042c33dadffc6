package org.warroom.tools.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * What the simulator sends, where and how fast. Arguments override the environment:
 * {@code --url} (WARROOM_INGEST_URL, default http://127.0.0.1:8081), {@code --key} (WARROOM_INGEST_KEY or
 * WARROOM_INGEST_KEY_FILE, default {@code <data.dir>/secrets/ingest-key}), {@code --rate} events per second
 * (WARROOM_SIMULATOR_RATE, default 20), {@code --seed} (WARROOM_SIMULATOR_SEED, default 2020), {@code --states}
 * LGD state codes (WARROOM_SIMULATOR_STATES, default 23,10), {@code --duration} such as 10m, or
 * {@code --forever} (WARROOM_SIMULATOR_DURATION, default forever), {@code --workers N} to upload an N-row
 * registry first (WARROOM_SIMULATOR_WORKERS, default 0) and then send verification-call updates for it.
 */
public record SimulatorConfig(URI target, String key, double rate, long seed, List<String> states,
                              Optional<Duration> duration, int workers) {

    public static SimulatorConfig from(String[] args, Map<String, String> env) {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--forever")) {
                keys.put("simulator.duration", "forever");
                continue;
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new ConfigException("simulator", "unknown argument '" + a + "'; use --url, --key, --rate, --seed,"
                        + " --states, --duration, --forever, --workers");
            }
            String value = args[++i];
            switch (a) {
                case "--url" -> keys.put("ingest.url", value);
                case "--key" -> keys.put("ingest.key", value);
                case "--rate" -> keys.put("simulator.rate", value);
                case "--seed" -> keys.put("simulator.seed", value);
                case "--states" -> keys.put("simulator.states", value);
                case "--duration" -> keys.put("simulator.duration", value);
                case "--workers" -> keys.put("simulator.workers", value);
                default -> throw new ConfigException("simulator", "unknown argument '" + a + "'");
            }
        }
        Settings s = Settings.of(env).with(keys);
        String key = s.find("ingest.key").orElseGet(() -> readKey(Path.of(s.get("data.dir", ".warroom"), "secrets", "ingest-key")));
        double rate = s.getDouble("simulator.rate", 20);
        if (rate <= 0 || rate > 100_000) {
            throw new ConfigException("simulator.rate", "must be between 0 and 100000 events per second");
        }
        String duration = s.get("simulator.duration", "forever");
        return new SimulatorConfig(
                URI.create(s.get("ingest.url", "http://127.0.0.1:8081").replaceAll("/+$", "")),
                key,
                rate,
                s.getLong("simulator.seed", 2020),
                Arrays.stream(s.get("simulator.states", "23,10").split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList(),
                duration.equalsIgnoreCase("forever") ? Optional.empty()
                        : Optional.of(s.getDuration("simulator.duration", Duration.ZERO)),
                s.getInt("simulator.workers", 0));
    }

    private static String readKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("ingest.key", "is not set and " + file + " cannot be read; start ingest first or"
                    + " pass --key");
        }
    }

    @Override
    public String toString() {
        return "SimulatorConfig[target=" + target + ", rate=" + rate + ", seed=" + seed + ", states=" + states
                + ", duration=" + duration.map(Duration::toString).orElse("forever") + ", workers=" + workers + "]";
    }
}
