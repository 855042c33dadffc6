package org.warroom.tools.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What was compared and what differed. An exact figure must equal the recomputed value; a time-dependent figure
 * (one the wall clock changes: SLA breaches, staleness, expired calls, the hour's signals) must equal the value
 * recomputed at some moment of the window in which the pipeline may have evaluated it — it is recomputed at both
 * ends of the window and must equal one of them, or lie between them for a count.
 */
public final class Comparison {
    /** One difference: the figure, the recomputed value and what the other side said. */
    public record Mismatch(String figure, String what, Object expected, Object actual, String source) {
        @Override
        public String toString() {
            return "MISMATCH " + what + ": recomputed " + expected + ", " + source + " says " + actual;
        }
    }

    private final List<Mismatch> mismatches = new ArrayList<>();
    private final Map<String, int[]> compared = new TreeMap<>(); // figure -> compared, time-dependent (not equal at both ends)

    /** Compares an exact figure. Numbers compare as numbers (to 1e-9 relative), null equals only null. */
    public boolean exact(String figure, String what, Object expected, Object actual, String source) {
        count(figure, false);
        if (!same(expected, actual)) {
            mismatches.add(new Mismatch(figure, what, expected, actual, source));
            return false;
        }
        return true;
    }

    /**
     * Compares a time-dependent figure: recomputed at the start ({@code atStart}) and end ({@code atEnd}) of the
     * window; equal to either, or for numbers between them.
     */
    public boolean within(String figure, String what, Object atStart, Object atEnd, Object actual, String source) {
        boolean differs = !same(atStart, atEnd);
        count(figure, differs);
        if (same(atStart, actual) || same(atEnd, actual)) {
            return true;
        }
        if (atStart instanceof Number a && atEnd instanceof Number b && actual instanceof Number v) {
            double lo = Math.min(a.doubleValue(), b.doubleValue());
            double hi = Math.max(a.doubleValue(), b.doubleValue());
            if (v.doubleValue() >= lo && v.doubleValue() <= hi) {
                return true;
            }
        }
        mismatches.add(new Mismatch(figure, what, differs ? atStart + ".." + atEnd : atStart, actual, source));
        return false;
    }

    /**
     * Compares a moment that must lie in {@code [earliest, latest]} (a prediction that the pipeline moves to "now" once
     * it is past); equal to {@code earliest} when both are the same.
     */
    public boolean between(String figure, String what, java.time.Instant earliest, java.time.Instant latest,
                           java.time.Instant actual, String source) {
        boolean differs = !earliest.equals(latest);
        count(figure, differs);
        if (actual != null && !actual.isBefore(earliest) && !actual.isAfter(latest)) {
            return true;
        }
        mismatches.add(new Mismatch(figure, what, differs ? earliest + ".." + latest : earliest, actual, source));
        return false;
    }

    /**
     * Compares a time-dependent figure that can take any of {@code possible} within the window (more than the values
     * at its two ends: the worst of several statuses that go stale at different moments).
     */
    public boolean oneOf(String figure, String what, java.util.Collection<?> possible, Object actual, String source) {
        count(figure, possible.size() > 1);
        for (Object p : possible) {
            if (same(p, actual)) {
                return true;
            }
        }
        mismatches.add(new Mismatch(figure, what, possible.size() == 1 ? possible.iterator().next() : possible, actual,
                source));
        return false;
    }

    private void count(String figure, boolean windowed) {
        int[] c = compared.computeIfAbsent(figure, f -> new int[2]);
        c[0]++;
        if (windowed) {
            c[1]++;
        }
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            double p = x.doubleValue();
            double q = y.doubleValue();
            return p == q || Math.abs(p - q) <= 1e-9 * Math.max(Math.abs(p), Math.abs(q));
        }
        return Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString());
    }

    public List<Mismatch> mismatches() {
        return mismatches;
    }

    /** Figures compared per kind, and how many of them fell in a window where the recomputed value changed. */
    public Map<String, int[]> compared() {
        return compared;
    }

    public int total() {
        return compared.values().stream().mapToInt(c -> c[0]).sum();
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(mismatches.isEmpty() ? "verify: OK" : "verify: " + mismatches.size() + " MISMATCH(ES)")
                .append(" — ").append(total()).append(" figures compared (");
        String sep = "";
        for (Map.Entry<String, int[]> e : compared.entrySet()) {
            s.append(sep).append(e.getKey()).append(' ').append(e.getValue()[0]);
            if (e.getValue()[1] > 0) {
                s.append(" [").append(e.getValue()[1]).append(" changing within the time window]");
            }
            sep = ", ";
        }
        return s.append(')').toString();
    }
}
