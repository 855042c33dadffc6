package org.warroom.tools.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long results took to be fresh again after a fault, from the {@link FreshnessMonitor}'s samples: a sample is
 * fresh when the result covers every worker accepted more than {@code staleMs} earlier. The recovery time is from
 * the fault until the first fresh sample after the last stale one (0 when no sample went stale); also the worst
 * staleness seen after the fault. Computed for the live results and for the index separately.
 */
public final class Recovery {
    private Recovery() {
    }

    public static Map<String, Object> of(Path freshCsv, long faultAt, long staleMs) {
        List<long[]> samples;
        try {
            samples = Files.readAllLines(freshCsv, StandardCharsets.UTF_8).stream().skip(1)
                    .map(l -> l.split(",")).filter(f -> f.length == 6)
                    .map(f -> new long[] {Long.parseLong(f[0]), Long.parseLong(f[3]), Long.parseLong(f[5])})
                    .filter(s -> s[0] >= faultAt).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("live", measure(samples, 1, faultAt, staleMs));
        r.put("index", measure(samples, 2, faultAt, staleMs));
        return r;
    }

    private static Map<String, Object> measure(List<long[]> samples, int column, long faultAt, long staleMs) {
        int lastStale = -1;
        long worst = 0;
        boolean unavailable = false;
        for (int i = 0; i < samples.size(); i++) {
            long s = samples.get(i)[column];
            if (s < 0 || s > staleMs) {
                lastStale = i;
            }
            if (s < 0) {
                unavailable = true;
            } else {
                worst = Math.max(worst, s);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (lastStale < 0) {
            m.put("recoveryMs", 0);
        } else if (lastStale + 1 < samples.size()) {
            m.put("recoveryMs", samples.get(lastStale + 1)[0] - faultAt);
        } else {
            // Still stale at the last sample: the results caught up only while the run was settling (the monitor
            // stops once they have), so about a second after the last sample.
            m.put("recoveryMs", samples.get(lastStale)[0] + 1000 - faultAt);
            m.put("caughtUpWhileSettling", true);
        }
        m.put("worstStalenessMs", worst);
        m.put("partDidNotAnswer", unavailable);
        return m;
    }
}
