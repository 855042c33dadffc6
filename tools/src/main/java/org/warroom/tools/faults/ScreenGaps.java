package org.warroom.tools.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest time a wall screen saw no message: per screen slot, the gaps between messages on each connection and
 * the gap from the last message of a connection that closed to the first message of the one that replaced it.
 */
final class ScreenGaps {
    private ScreenGaps() {
    }

    static long longest(List<List<Screen>> replaced, List<Screen> current) {
        long longest = 0;
        for (int slot = 0; slot < current.size(); slot++) {
            List<Screen> connections = new ArrayList<>(slot < replaced.size() ? replaced.get(slot) : List.of());
            connections.add(current.get(slot));
            long previousLast = -1;
            for (Screen s : connections) {
                longest = Math.max(longest, s.longestGapMs());
                if (s.firstMessageAt() < 0) {
                    continue;
                }
                if (previousLast >= 0) {
                    longest = Math.max(longest, s.firstMessageAt() - previousLast);
                }
                previousLast = s.lastMessageAt();
            }
        }
        return longest;
    }
}
