package org.warroom.dashboard.live;

/**
 * One key changed: {@code current} is the new value, null when the key was deleted; {@code previous} the value
 * before (null when new), so that a deletion can still be scoped by where the value was.
 */
public record LiveChange(LiveChannel channel, String key, LiveValue current, LiveValue previous) {

    /** The value that says where this change belongs (the new one, else the deleted one). */
    public LiveValue placed() {
        return current != null ? current : previous;
    }
}
