package dev.tlkit.eval;

import dev.tlkit.data.ImageSet;
import dev.tlkit.nn.Examples;
import dev.tlkit.nn.Network;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

    /** Runs {@code network} in inference mode over {@code data}: the softmax of its outputs per example. */
    public static Predictions of(Network network, Examples data) {
        float[][] probabilities = network.outputs(data);
        for (float[] row : probabilities) {
            softmaxInPlace(row);
        }
        return new Predictions(data.labels(), probabilities, data.classNames());
    }

    private static void softmaxInPlace(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = (float) Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < logits.length; c++) {
            logits[c] /= (float) sum;
        }
    }

    /** The predictions of the examples at {@code indices} (e.g. one group's). */
    public Predictions select(int[] indices) {
        int[] picked = new int[indices.length];
        float[][] rows = new float[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
            rows[i] = probabilities[indices[i]];
        }
        return new Predictions(picked, rows, classNames);
    }

    public List<String> classNames() {
        return classNames;
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

    /** The probability of class {@code positive} for every example: the score of a yes/no decision. */
    public double[] scores(int positive) {
        return IntStream.range(0, labels.length).mapToDouble(i -> probabilities[i][positive]).toArray();
    }

    /** 1 where the true class is {@code positive}, else 0: the labels of a yes/no decision. */
    public int[] isClass(int positive) {
        return IntStream.range(0, labels.length).map(i -> labels[i] == positive ? 1 : 0).toArray();
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

    /**
     * The {@code n} images the model got most wrong (highest loss), captioned "predicted / true, confidence";
     * these predictions must be of {@code images}, in order.
     */
    public BufferedImage topLosses(ImageSet images, int n, int scale) {
        if (size() != images.size()) {
            throw new IllegalArgumentException("the predictions are for " + size() + " examples but the image set has "
                    + images.size() + ": predict on the same images");
        }
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i : topLosses(n)) {
            pictures.add(images.picture(i));
            captions.add(String.format("%s / %s %.2f", shortName(classNames.get(predicted(i))),
                    shortName(classNames.get(labels[i])), confidence(i)));
        }
        return ImageGrid.of(pictures, captions, Math.min(n, 6), scale);
    }

    private static String shortName(String name) {
        return name.length() <= 7 ? name : name.substring(0, 6) + ".";
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
