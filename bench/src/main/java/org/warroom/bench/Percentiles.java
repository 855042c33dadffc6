package org.warroom.bench;

import java.util.Arrays;

/** Latency samples in milliseconds; nearest-rank percentiles. Thread-safe for adding. */
final class Percentiles {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long millis) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = millis;
    }

    synchronized int count() {
        return size;
    }

    synchronized long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    long max() {
        return percentile(100);
    }

    synchronized void clear() {
        size = 0;
    }

    /** {@code p50 120 ms, p99 480 ms, max 900 ms (n=1200)} */
    String describe() {
        return "p50 " + percentile(50) + " ms, p99 " + percentile(99) + " ms, max " + max() + " ms (n=" + count() + ")";
    }
}
