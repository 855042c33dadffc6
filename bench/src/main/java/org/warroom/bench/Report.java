package org.warroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A benchmark's result: printed as one summary line, and appended as a row of the results log at the end of
 * {@code docs/BENCHMARKS.md} with the commit, the machine (cores, memory, load average at start and end) and the
 * exact command.
 */
final class Report {
    static final String LOG_HEADING = "## Results log (appended by `bin/warroom bench`)";
    private final String name;
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final double loadAtStart = Machine.load();
    private final double cpuAtStart = Machine.ownCpuSeconds();
    private final long started = System.nanoTime();
    private String verdict = "";

    Report(String name) {
        this.name = name;
    }

    /** A ratio to a baseline with two significant digits, so 0.0038 does not print as 0.00. */
    static String ratio(double r) {
        return r >= 0.1 ? String.format("%.2f", r) : String.format("%.2g", r);
    }

    Report figure(String what, String value) {
        figures.put(what, value);
        return this;
    }

    Report verdict(boolean met, String goal) {
        verdict = (met ? "goal met" : "goal NOT met") + " (" + goal + ")";
        return this;
    }

    /** The generator's own CPU: share of one core over the run, and of the machine. */
    String generatorCpu() {
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Machine.ownCpuSeconds() - cpuAtStart;
        return String.format("%.0f%% of a core (%.0f%% of the machine)", 100 * cpu / seconds, 100 * cpu / seconds / Machine.cores());
    }

    void publish(Stack stack) throws IOException {
        StringJoiner line = new StringJoiner("; ");
        figures.forEach((k, v) -> line.add(k + " " + v));
        String machine = String.format("%d cores, %s, load %.1f→%.1f", Machine.cores(), Machine.memory(), loadAtStart, Machine.load());
        System.out.println();
        System.out.println("bench " + name + ": " + line + " — " + verdict + " [" + machine + "]");
        Path doc = stack.root.resolve("docs/BENCHMARKS.md");
        String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n";
        StringBuilder add = new StringBuilder();
        if (!text.contains(LOG_HEADING)) {
            add.append(text.endsWith("\n") ? "\n" : "\n\n").append(LOG_HEADING).append("\n\n")
                    .append("| when (UTC) | commit | bench | figures | verdict | machine | command |\n|---|---|---|---|---|---|---|\n");
        }
        add.append("| ").append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append(" | ").append(stack.env.getOrDefault("WARROOM_BENCH_COMMIT", "?"))
                .append(" | ").append(name).append(" | ").append(line.toString().replace("|", "/"))
                .append(" | ").append(verdict).append(" | ").append(machine)
                .append(" | `").append(stack.env.getOrDefault("WARROOM_BENCH_COMMAND", "bin/warroom bench " + name)).append("` |\n");
        Files.writeString(doc, add.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
