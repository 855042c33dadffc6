package org.warroom.dashboard.campaign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A campaign's worker ids in calling order, packed (one byte array and offsets, about 16 bytes a worker instead of
 * about 60 for strings) with an open-addressing hash index from id to position: a 16-lakh campaign takes about
 * 40 MB of heap.
 */
final class WorkerIds {
    private final byte[] bytes;
    private final int[] offsets;
    private final int[] slots;
    private final int mask;

    WorkerIds(List<String> ids) {
        int n = ids.size();
        offsets = new int[n + 1];
        byte[][] encoded = new byte[n][];
        int total = 0;
        for (int i = 0; i < n; i++) {
            encoded[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
            offsets[i] = total;
            total += encoded[i].length;
        }
        offsets[n] = total;
        bytes = new byte[total];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encoded[i], 0, bytes, offsets[i], encoded[i].length);
        }
        int capacity = Integer.highestOneBit(Math.max(4, n * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, -1);
        mask = capacity - 1;
        for (int i = 0; i < n; i++) {
            int slot = hash(encoded[i], 0, encoded[i].length) & mask;
            while (slots[slot] >= 0) {
                if (equalsAt(slots[slot], encoded[i])) {
                    throw new IllegalArgumentException("worker id '" + ids.get(i) + "' is listed twice");
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    int size() {
        return offsets.length - 1;
    }

    String get(int position) {
        return new String(bytes, offsets[position], offsets[position + 1] - offsets[position], StandardCharsets.UTF_8);
    }

    /** The position of the id, or -1 when the campaign does not hold it. */
    int indexOf(String id) {
        byte[] wanted = id.getBytes(StandardCharsets.UTF_8);
        int slot = hash(wanted, 0, wanted.length) & mask;
        while (slots[slot] >= 0) {
            if (equalsAt(slots[slot], wanted)) {
                return slots[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private boolean equalsAt(int position, byte[] wanted) {
        int from = offsets[position];
        return offsets[position + 1] - from == wanted.length
                && Arrays.equals(bytes, from, from + wanted.length, wanted, 0, wanted.length);
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
