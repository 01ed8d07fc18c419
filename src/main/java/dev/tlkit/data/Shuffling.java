package dev.tlkit.data;

import java.util.Random;

/** The kit's one shuffle (Fisher-Yates), so that every seeded draw in the kit is made the same way. */
public final class Shuffling {
    private Shuffling() {
    }

    /** Shuffles {@code values} in place with {@code random}. */
    public static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
