package dev.tlkit.train;

import ai.djl.ndarray.types.Shape;
import dev.tlkit.viz.Showable;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Feature vectors computed once by a frozen backbone, with their labels: the feature cache. Training a
 * head on them costs a fraction of running the backbone every epoch.
 */
public final class FeatureSet implements Examples, Showable {
    private final float[][] features;
    private final int[] labels;
    private final List<String> classNames;
    private final double secondsToCompute;

    public FeatureSet(float[][] features, int[] labels, List<String> classNames, double secondsToCompute) {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature vectors but " + labels.length + " labels");
        }
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != features[0].length) {
                throw new IllegalArgumentException("feature vector " + i + " has " + features[i].length
                        + " numbers but vector 0 has " + features[0].length + ": all must come from the same backbone");
            }
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of feature vector " + i + " is out of range:"
                        + " there are " + classNames.size() + " classes " + classNames);
            }
        }
        this.features = features;
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
        this.secondsToCompute = secondsToCompute;
    }

    @Override
    public int size() {
        return features.length;
    }

    public int dimension() {
        return features.length == 0 ? 0 : features[0].length;
    }

    public float[] vector(int index) {
        return features[index].clone();
    }

    @Override
    public Shape exampleShape() {
        return new Shape(dimension());
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public void copy(int index, float[] dest, int offset, Random random) {
        System.arraycopy(features[index], 0, dest, offset, features[index].length);
    }

    /** Wall time the backbone took to compute these features. */
    public double secondsToCompute() {
        return secondsToCompute;
    }

    /** The features at {@code indices}. */
    public FeatureSet select(int[] indices) {
        float[][] picked = new float[indices.length][];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = features[indices[i]];
            pickedLabels[i] = labels[indices[i]];
        }
        return new FeatureSet(picked, pickedLabels, classNames, 0);
    }

    @Override
    public Object view() {
        return Table.create("Feature cache",
                StringColumn.create("what", "examples", "dimension", "classes", "seconds to compute"),
                StringColumn.create("value", String.valueOf(size()), String.valueOf(dimension()),
                        String.valueOf(classNames.size()), String.format("%.2f", secondsToCompute)));
    }
}
