package org.warroom.tools.simulator;

/** Event ids of one simulator run: the seed and the run's start make them unique, the counter reproducible. */
final class Ids {
    private final String prefix;
    private long next;

    Ids(long seed, long runStartSeconds) {
        this.prefix = "sim" + seed + "-" + Long.toString(runStartSeconds, 36) + "-";
    }

    String next(String kind) {
        return prefix + kind + (++next);
    }
}
