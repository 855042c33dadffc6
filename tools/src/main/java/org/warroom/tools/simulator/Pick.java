package org.warroom.tools.simulator;

import java.util.List;
import java.util.Random;

/** Seeded random choices. */
final class Pick {
    private Pick() {
    }

    static <T> T one(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static <T> T one(Random random, T[] array) {
        return array[random.nextInt(array.length)];
    }

    /** An index drawn with the given weights (they need not sum to 1). */
    static int weighted(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
