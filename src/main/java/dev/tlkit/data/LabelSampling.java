package dev.tlkit.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded sampling of example indices by label. */
public final class LabelSampling {
    private LabelSampling() {
    }

    /**
     * {@code k} indices of every class 0..classes-1, drawn without replacement with {@code seed};
     * returned grouped by class, in a seeded random order.
     */
    public static int[] perClass(int[] labels, int classes, int k, long seed) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            if (members.size() < k) {
                throw new IllegalArgumentException("class " + c + " has only " + members.size() + " examples; cannot take "
                        + k + " per class");
            }
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, k));
        }
        Collections.shuffle(chosen, random);
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
