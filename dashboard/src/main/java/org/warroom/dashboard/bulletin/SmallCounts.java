package org.warroom.dashboard.bulletin;

/**
 * Small-count suppression for what the public sees: a count of people, calls or complaints below the floor is
 * published as the text "&lt; floor" (zero included, so that "none" and "a few" look alike), otherwise as the number.
 */
public record SmallCounts(int floor) {

    public SmallCounts {
        if (floor < 1) {
            throw new IllegalArgumentException("floor must be at least 1");
        }
    }

    /** The count as published: a {@link Long}, or the text {@code "< floor"}. */
    public Object shown(long count) {
        return count < floor ? "< " + floor : (Object) count;
    }
}
