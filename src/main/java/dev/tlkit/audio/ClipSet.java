package dev.tlkit.audio;

import dev.tlkit.data.LabelledSet;
import dev.tlkit.viz.Html;
import dev.tlkit.viz.Showable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Labelled spoken words: each clip's label is its word. Immutable: selections return new sets. Ending a cell
 * with a set shows who speaks in it; {@link #play} puts an audio player in the notebook.
 */
public final class ClipSet implements LabelledSet<ClipSet>, Showable {
    private final String name;
    private final List<Clip> clips;
    private final List<String> words;
    private final int[] labels;

    /**
     * Clips labelled by their word's position in {@code words}.
     *
     * @throws IllegalArgumentException if a clip says a word that is not in {@code words}
     */
    public ClipSet(String name, List<Clip> clips, List<String> words) {
        this.name = name;
        this.clips = List.copyOf(clips);
        this.words = List.copyOf(words);
        this.labels = new int[clips.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = words.indexOf(clips.get(i).word());
            if (labels[i] < 0) {
                throw new IllegalArgumentException(name + ": clip " + i + " says '" + clips.get(i).word()
                        + "', which is not one of its words " + words);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return clips.size();
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The words, in label order. */
    @Override
    public List<String> classNames() {
        return words;
    }

    public Clip clip(int index) {
        return clips.get(index);
    }

    public List<Clip> clips() {
        return clips;
    }

    /** The accents spoken in this set, in order of first appearance. */
    public List<String> accents() {
        return clips.stream().map(c -> c.voice().accent()).distinct().toList();
    }

    /** Each clip's accent as its position in {@link #accents()}: to colour a picture by who speaks. */
    public int[] accentLabels() {
        List<String> accents = accents();
        return clips.stream().mapToInt(c -> accents.indexOf(c.voice().accent())).toArray();
    }

    /** Only the clips of {@code someWords} (labels unchanged). */
    public ClipSet ofWords(String... someWords) {
        for (String word : someWords) {
            if (!words.contains(word)) {
                throw new IllegalArgumentException(name + " has no word '" + word + "'; its words: " + words);
            }
        }
        Set<String> wanted = Set.of(someWords);
        return select(IntStream.range(0, size()).filter(i -> wanted.contains(clips.get(i).word())).toArray(),
                name + " (" + String.join(", ", someWords) + ")");
    }

    /** The voices (speaker, pitch and rate) in this set, in order of first appearance. */
    public List<Voice> voices() {
        return clips.stream().map(Clip::voice).distinct().toList();
    }

    /** The clips whose voice satisfies {@code test}. */
    public ClipSet where(Predicate<Voice> test, String newName) {
        return select(IntStream.range(0, size()).filter(i -> test.test(clips.get(i).voice())).toArray(), newName);
    }

    /** Only the clips in one of {@code accents}. */
    public ClipSet ofAccents(String... accents) {
        Set<String> wanted = Set.of(accents);
        ClipSet selected = where(v -> wanted.contains(v.accent()), name + " (" + String.join(", ", accents) + ")");
        if (selected.size() == 0) {
            throw new IllegalArgumentException(name + " has no clip in " + Arrays.toString(accents) + "; its accents: "
                    + accents());
        }
        return selected;
    }

    /** Every clip except those in {@code accents}. */
    public ClipSet withoutAccents(String... accents) {
        Set<String> unwanted = Set.of(accents);
        return where(v -> !unwanted.contains(v.accent()), name + " (without " + String.join(", ", accents) + ")");
    }

    @Override
    public ClipSet select(int[] indices, String newName) {
        return new ClipSet(newName, Arrays.stream(indices).mapToObj(clips::get).toList(), words);
    }

    /**
     * The same sounds, each clip now labelled {@code newLabels[i]} (a word of this set), e.g. labels shuffled for a
     * grader's hidden check.
     */
    public ClipSet withLabels(int[] newLabels, String newName) {
        if (newLabels.length != clips.size()) {
            throw new IllegalArgumentException(name + " has " + clips.size() + " clips, got " + newLabels.length + " labels");
        }
        List<Clip> relabelled = new ArrayList<>(clips.size());
        for (int i = 0; i < newLabels.length; i++) {
            Clip clip = clips.get(i);
            relabelled.add(new Clip(words.get(newLabels[i]), clip.voice(), clip.samples()));
        }
        return new ClipSet(newName, relabelled, words);
    }

    /**
     * The same clips with background {@code noise} mixed in (clip {@code i} gets the noise's draw {@code i}), e.g.
     * {@code flite.test().withNoise(Noise.white(10))}: how a model trained on clean clips copes in a noisy room.
     */
    public ClipSet withNoise(Noise noise) {
        List<Clip> noisy = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            Clip clip = clips.get(i);
            noisy.add(new Clip(clip.word(), clip.voice(), noise.mix(clip.samples(), i)));
        }
        return new ClipSet(name + ", " + noise, noisy, words);
    }

    /** This set followed by {@code other} (the same words). */
    public ClipSet plus(ClipSet other, String newName) {
        if (!other.words.equals(words)) {
            throw new IllegalArgumentException("cannot join " + name + " and " + other.name
                    + ": they label different words");
        }
        List<Clip> joined = new ArrayList<>(clips);
        joined.addAll(other.clips);
        return new ClipSet(newName, joined, words);
    }

    /** An audio player for each of the clips at {@code indices}, with its word and voice. */
    public Html play(int... indices) {
        StringBuilder html = new StringBuilder("<table><tr><th>word</th><th>voice</th><th>accent</th><th></th></tr>");
        for (int i : indices) {
            Clip clip = clips.get(i);
            html.append("<tr><td>").append(Html.escape(clip.word())).append("</td><td>")
                    .append(Html.escape(clip.voice().id())).append("</td><td>")
                    .append(Html.escape(clip.voice().accent())).append("</td><td>")
                    .append("<audio controls preload=\"none\" src=\"data:audio/wav;base64,")
                    .append(Base64.getEncoder().encodeToString(Wav.encode(clip.samples(), Clip.RATE)))
                    .append("\"></audio></td></tr>");
        }
        return new Html(html.append("</table>").toString());
    }

    /** The clips of {@code word}, one per accent up to {@code count}, as players: hear the accents side by side. */
    public Html playWord(String word, int count) {
        return play(Arrays.stream(firstPerAccent(word)).limit(count).toArray());
    }

    /** For every accent in turn, the index of its first clip of {@code word}. */
    public int[] firstPerAccent(String word) {
        int label = words.indexOf(word);
        if (label < 0) {
            throw new IllegalArgumentException(name + " has no word '" + word + "'; its words: " + words);
        }
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < size(); i++) {
            if (labels[i] == label) {
                first.putIfAbsent(clips.get(i).voice().accent(), i);
            }
        }
        return first.values().stream().mapToInt(Integer::intValue).toArray();
    }

    /** Who speaks: one row per accent with its voices and clips. */
    public Table table() {
        Table table = Table.create(name + ": " + size() + " clips of " + words.size() + " words",
                StringColumn.create("accent"), StringColumn.create("synthesiser"), IntColumn.create("voices"),
                IntColumn.create("clips"));
        for (String accent : accents()) {
            List<Voice> voices = voices().stream().filter(v -> v.accent().equals(accent)).toList();
            table.stringColumn("accent").append(accent);
            table.stringColumn("synthesiser").append(voices.get(0).synthesiser().program());
            table.intColumn("voices").append(voices.size());
            table.intColumn("clips").append((int) clips.stream().filter(c -> c.voice().accent().equals(accent)).count());
        }
        return table;
    }

    @Override
    public Object view() {
        return table();
    }

    @Override
    public String toString() {
        int accents = accents().size();
        return name + " (" + size() + " clips, " + words.size() + " words, " + accents + (accents == 1 ? " accent)" : " accents)");
    }
}
