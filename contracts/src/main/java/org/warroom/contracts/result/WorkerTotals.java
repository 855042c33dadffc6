package org.warroom.contracts.result;

/**
 * Totals of the worker registry. Topic {@code warroom.worker-totals} (compacted), one key {@link #KEY}.
 *
 * @param total              workers in the registry (each counted once)
 * @param verifiedRecently   workers whose {@code verifiedAt} falls on one of the last
 *                           {@link #verifiedWindowDays()} UTC calendar days (today included)
 * @param verifiedShare      verifiedRecently ÷ total (0 for an empty registry)
 * @param verifiedWindowDays the window, 30 by default ({@code workers.verified.window.days})
 */
public record WorkerTotals(long total, long verifiedRecently, double verifiedShare, int verifiedWindowDays) {
    public static final String KEY = "all";
}
