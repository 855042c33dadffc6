package org.warroom.tools.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Events planned for later (a call's end, a ticket's resolution), released when due. */
final class Schedule {
    private final PriorityQueue<SimEvent> queue = new PriorityQueue<>(Comparator.comparing(SimEvent::due));

    void add(SimEvent e) {
        queue.add(e);
    }

    /** Up to {@code max} events due by {@code now}, earliest first. */
    List<SimEvent> due(Instant now, int max) {
        List<SimEvent> out = new ArrayList<>();
        while (out.size() < max && !queue.isEmpty() && !queue.peek().due().isAfter(now)) {
            out.add(queue.poll());
        }
        return out;
    }

    int size() {
        return queue.size();
    }
}
