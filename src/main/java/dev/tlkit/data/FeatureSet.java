package dev.tlkit.data;

import dev.tlkit.viz.Showable;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Feature vectors computed once by a frozen backbone, with their labels: the feature cache. Training a
 * head on them costs a fraction of running the backbone every epoch.
 */
public final class FeatureSet implements LabelledSet<FeatureSet>, Showable {
    private final String name;
    private final float[][] features;
    private final int[] labels;
    private final List<String> classNames;

    public FeatureSet(String name, float[][] features, int[] labels, List<String> classNames) {
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
        this.name = name;
        this.features = features;
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    /** Features of {@code inputs} (in their order) with the inputs' labels and classes. */
    public static FeatureSet of(LabelledSet<?> inputs, float[][] features) {
        return new FeatureSet("features of " + inputs.name(), features, inputs.labels(), inputs.classNames());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return features.length;
    }

    public int dimension() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** A copy of vector {@code index}. */
    public float[] vector(int index) {
        return features[index].clone();
    }

    /** Writes vector {@code index} into {@code dest} from {@code offset} (no copy made). */
    public void copyVector(int index, float[] dest, int offset) {
        System.arraycopy(features[index], 0, dest, offset, features[index].length);
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    public FeatureSet select(int[] indices, String newName) {
        float[][] picked = new float[indices.length][];
        int[] pickedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = features[indices[i]];
            pickedLabels[i] = labels[indices[i]];
        }
        return new FeatureSet(newName, picked, pickedLabels, classNames);
    }

    /** The same vectors with other labels (e.g. pseudo-labels), checked like the constructor. */
    public FeatureSet withLabels(int[] newLabels, String newName) {
        return new FeatureSet(newName, features, newLabels, classNames);
    }

    /** This set followed by {@code other} (same dimension and classes). */
    public FeatureSet concat(FeatureSet other, String newName) {
        if (other.dimension() != dimension() || !other.classNames.equals(classNames)) {
            throw new IllegalArgumentException("cannot join " + dimension() + "-number features of " + classNames
                    + " with " + other.dimension() + "-number features of " + other.classNames);
        }
        float[][] joined = new float[size() + other.size()][];
        int[] joinedLabels = new int[joined.length];
        for (int i = 0; i < joined.length; i++) {
            joined[i] = i < size() ? features[i] : other.features[i - size()];
            joinedLabels[i] = i < size() ? labels[i] : other.labels[i - size()];
        }
        return new FeatureSet(newName, joined, joinedLabels, classNames);
    }

    @Override
    public Object view() {
        return Table.create("Feature cache: " + name,
                StringColumn.create("what", "examples", "dimension", "classes"),
                StringColumn.create("value", String.valueOf(size()), String.valueOf(dimension()),
                        String.valueOf(classNames.size())));
    }
}
