package org.warroom.streams.calls;

/**
 * Per line (store {@code call-load-line-counts}): calls in progress and waiting now, calls expired so far — kept up
 * to date on every change of a call, so a step costs the same however many calls the line has.
 */
record LineCounters(int inProgress, int waiting, long expired) {
    static final LineCounters NONE = new LineCounters(0, 0, 0);

    /** With the change of one call from {@code before} (null: a new call) to {@code after}. */
    LineCounters change(CallState before, CallState after) {
        return new LineCounters(Math.max(0, inProgress + flag(after.inProgress()) - flag(before != null && before.inProgress())),
                Math.max(0, waiting + flag(after.waiting()) - flag(before != null && before.waiting())),
                expired + (after.expired() && (before == null || !before.expired()) ? 1 : 0));
    }

    private static int flag(boolean b) {
        return b ? 1 : 0;
    }
}
