package dev.tlkit.data;

import dev.tlkit.viz.Showable;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Labelled sentences of one domain: {@code label 1} is positive, {@code 0} negative. */
public record SentenceSet(String name, List<String> texts, int[] labels) implements LabelledSet<SentenceSet>, Showable {
    /** Label 0 and label 1. */
    public static final List<String> CLASS_NAMES = List.of("negative", "positive");

    public SentenceSet {
        texts = List.copyOf(texts);
        labels = labels.clone();
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(name + ": " + texts.size() + " sentences but " + labels.length + " labels");
        }
    }

    /** The review domain the sentences come from ("amazon", "yelp", "imdb") or the name of a selection. */
    public String domain() {
        return name;
    }

    @Override
    public List<String> classNames() {
        return CLASS_NAMES;
    }

    @Override
    public int size() {
        return texts.size();
    }

    public String text(int i) {
        return texts.get(i);
    }

    @Override
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

    @Override
    public SentenceSet select(int[] indices, String newName) {
        return new SentenceSet(newName, Arrays.stream(indices).mapToObj(texts::get).toList(),
                Arrays.stream(indices).map(i -> labels[i]).toArray());
    }

    /** One row per sentence: label and text. */
    public Table table() {
        return Table.create(name + " sentences", IntColumn.create("label", labels),
                StringColumn.create("text", texts));
    }

    @Override
    public Object view() {
        return table();
    }
}
