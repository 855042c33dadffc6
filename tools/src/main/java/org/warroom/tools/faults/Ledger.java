package org.warroom.tools.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the load generator was told: every event ingest acknowledged (2xx, counted as accepted) and every event it
 * refused, one line each ({@code KIND id atMillis}), appended to {@code <root>/<run>/ledger.txt} and flushed after
 * every answer, so a ledger survives the generator itself. The reconciliation reads the ledgers of every run under
 * the root: together they are what the stack was sent since it started empty.
 */
public final class Ledger implements AutoCloseable {
    private final BufferedWriter out;

    public Ledger(Path root, String run) {
        try {
            Path dir = root.resolve(run);
            Files.createDirectories(dir);
            out = Files.newBufferedWriter(dir.resolve("ledger.txt"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records one answer's events. */
    public synchronized void record(List<LoadEvent> events) {
        try {
            for (LoadEvent e : events) {
                out.write(e.kind().name() + " " + e.id() + " " + e.at() + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** The ids of every ledger under {@code root}, per kind, with their event times (a repeat counts once). */
    public static Map<LoadEvent.Kind, Map<String, Long>> readAll(Path root) {
        Map<LoadEvent.Kind, Map<String, Long>> all = new EnumMap<>(LoadEvent.Kind.class);
        for (LoadEvent.Kind k : LoadEvent.Kind.values()) {
            all.put(k, new HashMap<>());
        }
        if (!Files.isDirectory(root)) {
            return all;
        }
        List<Path> ledgers = new ArrayList<>();
        try (Stream<Path> runs = Files.list(root)) {
            runs.map(r -> r.resolve("ledger.txt")).filter(Files::isRegularFile).forEach(ledgers::add);
            for (Path ledger : ledgers) {
                for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                    String[] f = line.split(" ");
                    if (f.length == 3) {
                        all.get(LoadEvent.Kind.valueOf(f[0])).put(f[1], Long.parseLong(f[2]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
