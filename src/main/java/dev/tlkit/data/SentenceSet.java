package dev.tlkit.data;

import dev.tlkit.viz.Showable;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Labelled sentences of one domain: {@code label 1} is positive, {@code 0} negative. */
public record SentenceSet(String domain, List<String> texts, int[] labels) implements Showable {
    /** Label 0 and label 1. */
    public static final List<String> CLASS_NAMES = List.of("negative", "positive");

    public SentenceSet {
        texts = List.copyOf(texts);
        labels = labels.clone();
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(domain + ": " + texts.size() + " sentences but " + labels.length + " labels");
        }
    }

    public int size() {
        return texts.size();
    }

    public String text(int i) {
        return texts.get(i);
    }

    public int label(int i) {
        return labels[i];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    public long positives() {
        return Arrays.stream(labels).filter(l -> l == 1).count();
    }

    /** The sentences at {@code indices}, in that order. */
    public SentenceSet select(int[] indices) {
        return new SentenceSet(domain, Arrays.stream(indices).mapToObj(texts::get).toList(),
                Arrays.stream(indices).map(i -> labels[i]).toArray());
    }

    /** One row per sentence: label and text. */
    public Table table() {
        return Table.create(domain + " sentences", IntColumn.create("label", labels),
                StringColumn.create("text", texts));
    }

    @Override
    public Object view() {
        return table();
    }
}
