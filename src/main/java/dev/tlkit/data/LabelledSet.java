package dev.tlkit.data;

import java.util.List;

/**
 * Labelled examples of any kind (images, sentences, clips, feature vectors): what a task trains and tests on.
 * Immutable: selections return new sets.
 *
 * @param <S> the set's own type, returned by selections
 */
public interface LabelledSet<S extends LabelledSet<S>> {

    String name();

    int size();

    int label(int index);

    /** A copy of all labels. */
    int[] labels();

    List<String> classNames();

    default int numClasses() {
        return classNames().size();
    }

    /** The index of the first example of class {@code className}. */
    default int firstOf(String className) {
        int label = classNames().indexOf(className);
        if (label < 0) {
            throw new IllegalArgumentException(name() + " has no class " + className + "; its classes: " + classNames());
        }
        for (int i = 0; i < size(); i++) {
            if (label(i) == label) {
                return i;
            }
        }
        throw new IllegalArgumentException(name() + " holds no example of class " + className);
    }

    /** The examples at {@code indices}, in that order. */
    S select(int[] indices, String newName);

    default S select(int[] indices) {
        return select(indices, name() + " (" + indices.length + " selected)");
    }

    /** The first {@code n} examples (all if there are fewer). */
    default S head(int n) {
        int[] indices = new int[Math.min(n, size())];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = i;
        }
        return select(indices, name() + " (first " + indices.length + ")");
    }

    /**
     * {@code k} examples of every class, drawn at random with {@code seed} (the same seed gives the same
     * sample): the "k labels per class" of few-shot learning.
     *
     * @throws IllegalArgumentException if a class has fewer than {@code k} examples
     */
    default S samplePerClass(int k, long seed) {
        return select(LabelSampling.perClass(labels(), numClasses(), k, seed),
                name() + " (" + k + " per class, seed " + seed + ")");
    }

    /** Number of examples per class, indexed by label. */
    default int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels()) {
            counts[label]++;
        }
        return counts;
    }
}
