package dev.tlkit.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import dev.tlkit.train.Examples;
import dev.tlkit.train.Network;
import dev.tlkit.viz.Showable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A network's predictions on labelled examples: class probabilities per example, accuracy, a
 * per-class report, the confusion matrix, and the examples it gets most wrong (top losses).
 */
public final class Predictions implements Showable {
    private static final int BATCH = dev.tlkit.models.VisionBackbone.INFERENCE_BATCH;

    private final int[] labels;
    private final float[][] probabilities;
    private final List<String> classNames;

    public Predictions(int[] labels, float[][] probabilities, List<String> classNames) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + probabilities.length + " predictions");
        }
        this.labels = labels.clone();
        this.probabilities = probabilities;
        this.classNames = List.copyOf(classNames);
    }

    /** Runs {@code network} in inference mode over {@code data}, one sub-manager per batch. */
    public static Predictions of(Network network, Examples data) {
        int n = data.size();
        int exampleSize = (int) data.exampleShape().size();
        float[][] probabilities = new float[n][];
        Random unused = new Random(0);
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            float[] x = new float[(to - from) * exampleSize];
            for (int i = from; i < to; i++) {
                data.copy(i, x, (i - from) * exampleSize, unused);
            }
            try (NDManager batch = network.manager().newSubManager()) {
                NDArray input = batch.create(x, new ai.djl.ndarray.types.Shape(to - from).addAll(data.exampleShape()));
                NDList output = network.block().forward(new ParameterStore(batch, false), new NDList(input), false);
                float[] p = output.singletonOrThrow().softmax(1).toFloatArray();
                int classes = p.length / (to - from);
                for (int i = from; i < to; i++) {
                    probabilities[i] = Arrays.copyOfRange(p, (i - from) * classes, (i - from + 1) * classes);
                }
            }
        }
        return new Predictions(data.labels(), probabilities, data.classNames());
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i];
    }

    public int predicted(int i) {
        float[] p = probabilities[i];
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    public float[] probabilities(int i) {
        return probabilities[i].clone();
    }

    /** The probability the network gave to its predicted class. */
    public double confidence(int i) {
        return probabilities[i][predicted(i)];
    }

    /** Cross-entropy loss of example {@code i}: minus the log probability of its true class. */
    public double loss(int i) {
        return -Math.log(Math.max(1e-12, probabilities[i][labels[i]]));
    }

    public double accuracy() {
        if (labels.length == 0) {
            throw new IllegalStateException("accuracy of an empty set is undefined");
        }
        return IntStream.range(0, labels.length).filter(i -> predicted(i) == labels[i]).count() / (double) labels.length;
    }

    public int[] predictedLabels() {
        return IntStream.range(0, labels.length).map(this::predicted).toArray();
    }

    public ConfusionMatrix confusionMatrix() {
        return ConfusionMatrix.of(labels, predictedLabels(), classNames);
    }

    /** Precision, recall, F1 and support per class. */
    public Table classReport() {
        return confusionMatrix().classReport();
    }

    /** Indices of the {@code n} examples with the highest loss: what the model gets most wrong. */
    public int[] topLosses(int n) {
        return IntStream.range(0, labels.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> loss(i)).reversed())
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Object view() {
        return Table.create("Predictions",
                StringColumn.create("what", "examples", "accuracy"),
                StringColumn.create("value", String.valueOf(size()), String.format("%.4f", accuracy())));
    }

    /** One row per example: true and predicted class, confidence, loss. */
    public Table table() {
        int[] predicted = predictedLabels();
        return Table.create("Predictions",
                IntColumn.create("label", labels),
                StringColumn.create("true class", Arrays.stream(labels).mapToObj(classNames::get).toList()),
                StringColumn.create("predicted class", Arrays.stream(predicted).mapToObj(classNames::get).toList()),
                DoubleColumn.create("confidence", IntStream.range(0, size()).mapToDouble(this::confidence).toArray()),
                DoubleColumn.create("loss", IntStream.range(0, size()).mapToDouble(this::loss).toArray()));
    }
}
