package dev.tlkit.bias;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Group-balanced training, a pre-processing mitigation: give every group the same total weight,
 * either by weighting examples ({@link #weights}) or by sampling them ({@link #balancedSample}).
 */
public final class GroupBalancing {
    private GroupBalancing() {
    }

    /**
     * A weight per example, {@code n / (groups * n_g)}: every group then weighs {@code n / groups}
     * in total and the weights average 1 (the "balanced" class weights of scikit-learn, applied
     * to groups).
     */
    public static double[] weights(String[] groups) {
        Map<String, Integer> counts = counts(groups);
        double[] weights = new double[groups.length];
        for (int i = 0; i < groups.length; i++) {
            weights[i] = (double) groups.length / (counts.size() * counts.get(groups[i]));
        }
        return weights;
    }

    /**
     * {@code size} example indices drawn with replacement so that every group is drawn equally often
     * on average: a rare group's examples are repeated, a common group's are sub-sampled.
     */
    public static int[] balancedSample(String[] groups, int size, long seed) {
        double[] weights = weights(groups);
        double[] cumulative = new double[groups.length];
        double total = 0;
        for (int i = 0; i < groups.length; i++) {
            total += weights[i];
            cumulative[i] = total;
        }
        Random random = new Random(seed);
        int[] sample = new int[size];
        for (int s = 0; s < size; s++) {
            double u = random.nextDouble() * total;
            int index = java.util.Arrays.binarySearch(cumulative, u);
            sample[s] = Math.min(index >= 0 ? index + 1 : -index - 1, groups.length - 1);
        }
        return sample;
    }

    private static Map<String, Integer> counts(String[] groups) {
        if (groups.length == 0) {
            throw new IllegalArgumentException("no examples to balance: the group list is empty");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String g : groups) {
            if (g == null) {
                throw new IllegalArgumentException("every example needs a group; found null");
            }
            counts.merge(g, 1, Integer::sum);
        }
        return counts;
    }
}
