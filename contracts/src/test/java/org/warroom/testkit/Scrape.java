package org.warroom.testkit;

import java.util.OptionalDouble;

/**
 * Reads Prometheus text (a service's {@code GET /metrics}) in tests: the value of one series, named as it is written,
 * e.g. {@code warroom_ingest_accepted_total{feed="calls"}}, or the sum of every series of a name whose labels contain
 * given pairs.
 */
public final class Scrape {
    private Scrape() {
    }

    /** The value of exactly this series (name and labels as written), empty when it is not there. */
    public static OptionalDouble value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return OptionalDouble.of(Double.parseDouble(line.substring(series.length() + 1).strip().split(" ")[0]));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The sum of every series of {@code name} whose labels contain each of {@code labels} (written {@code key="value"}),
     * NaN values left out; empty when there is no such series.
     */
    public static OptionalDouble sum(String text, String name, String... labels) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            boolean all = true;
            for (String label : labels) {
                all &= series.contains(label);
            }
            double value = Double.parseDouble(line.substring(space + 1));
            if (all && !Double.isNaN(value)) {
                total += value;
                found = true;
            }
        }
        return found ? OptionalDouble.of(total) : OptionalDouble.empty();
    }
}
