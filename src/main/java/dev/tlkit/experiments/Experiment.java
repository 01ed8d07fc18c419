package dev.tlkit.experiments;

import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSet;
import dev.tlkit.data.Task;
import dev.tlkit.recipes.FeatureCache;
import dev.tlkit.recipes.Method;
import dev.tlkit.recipes.Run;
import dev.tlkit.recipes.Trial;
import dev.tlkit.viz.ProgressBar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * Methods x numbers of labels per class x seeds on one task: every method trains on the same k labelled
 * examples per class for a given seed (so differences are paired) and is tested on the same test set. It owns
 * the progress bar, the timing and the feature cache, and returns one {@link Results} table:
 * <pre>{@code
 * Experiment.of(task).methods(probe(backbone), scratch()).labelsPerClass(1, 5, 10, 50).seeds(8).run()
 * }</pre>
 * An immutable value: each setting returns a new experiment.
 */
public final class Experiment<S extends LabelledSet<S>> {
    private final Task<S> task;
    private final Settings<S> settings;

    /** Draws the training examples of one trial from the task's pool. */
    @FunctionalInterface
    public interface Sampler<S extends LabelledSet<S>> {
        /** {@code k} labelled examples per class for {@code seed}. */
        Sample<S> draw(S pool, int k, long seed);
    }

    /**
     * Training examples, where they are in the pool when they are a selection of it (for the feature cache and
     * for drawing other examples from the rest), and validation examples kept apart, if any.
     */
    public record Sample<S>(S train, Optional<int[]> indices, Optional<S> validation) {
        /** Examples of the pool at {@code indices}. */
        public static <S extends LabelledSet<S>> Sample<S> of(S pool, int[] indices, String name) {
            return new Sample<>(pool.select(indices, name), Optional.of(indices), Optional.empty());
        }

        /** Examples made some other way (not a plain selection of the pool). */
        public static <S> Sample<S> of(S train) {
            return new Sample<>(train, Optional.empty(), Optional.empty());
        }
    }

    static final class Settings<S extends LabelledSet<S>> implements Cloneable {
        String title;
        List<Method<S>> methods = new ArrayList<>();
        int[] ks = {};
        IntUnaryOperator seeds = k -> 1;
        long[] seedList;
        Sampler<S> sampler = Experiment::perClass;
        S test;
        String[] groups;
        Map<String, S> extraTests = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        Settings<S> copy() {
            try {
                Settings<S> copy = (Settings<S>) super.clone();
                copy.methods = new ArrayList<>(methods);
                copy.extraTests = new LinkedHashMap<>(extraTests);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private Experiment(Task<S> task, Settings<S> settings) {
        this.task = task;
        this.settings = settings;
    }

    /** An experiment on {@code task}: training samples from its pool, tested on its test set. */
    public static <S extends LabelledSet<S>> Experiment<S> of(Task<S> task) {
        Settings<S> settings = new Settings<>();
        settings.title = task.name();
        return new Experiment<>(task, settings);
    }

    private Experiment<S> with(Consumer<Settings<S>> change) {
        Settings<S> copy = settings.copy();
        change.accept(copy);
        return new Experiment<>(task, copy);
    }

    /** The title of the results, their tables and charts. */
    public Experiment<S> named(String title) {
        return with(s -> s.title = title);
    }

    /** Adds methods to compare (every method runs on every k and seed, unless it says {@code onlyAt}). */
    @SafeVarargs
    public final Experiment<S> methods(Method<S>... methods) {
        return with(s -> s.methods.addAll(List.of(methods)));
    }

    /** Adds methods to compare. */
    public Experiment<S> methods(List<? extends Method<S>> methods) {
        return with(s -> s.methods.addAll(methods));
    }

    /**
     * The numbers of labelled examples per class to train on. k = 0 needs a sampler that trains on something
     * else, e.g. {@link Samplers#keepFirst}.
     */
    public Experiment<S> labelsPerClass(int... ks) {
        if (ks.length == 0 || Arrays.stream(ks).anyMatch(k -> k < 0)) {
            throw new IllegalArgumentException("give at least one k, none negative: " + Arrays.toString(ks));
        }
        return with(s -> s.ks = ks.clone());
    }

    /** Seeds 1..n at every k: n random draws of the labelled examples (and of the networks' initial weights). */
    public Experiment<S> seeds(int n) {
        return seeds(k -> n);
    }

    /** A number of seeds per k, e.g. {@code k -> k <= 5 ? 8 : 3}: few labels vary more from draw to draw. */
    public Experiment<S> seeds(IntUnaryOperator perK) {
        return with(s -> s.seeds = perK);
    }

    /** These seeds at every k (e.g. draws that show an effect well, chosen and said so in the lesson). */
    public Experiment<S> seedList(long... seeds) {
        if (seeds.length == 0) {
            throw new IllegalArgumentException("give at least one seed");
        }
        return with(s -> s.seedList = seeds.clone());
    }

    /** Draws training examples another way than k per class from the task's pool (e.g. with groups mixed in). */
    public Experiment<S> sampling(Sampler<S> sampler) {
        return with(s -> s.sampler = sampler);
    }

    /** Tests on {@code test} instead of the task's test set. */
    public Experiment<S> testOn(S test) {
        return with(s -> s.test = test);
    }

    /** The group of every test example (e.g. "A: normal", "B: inverted"): the results report accuracy per group. */
    public Experiment<S> groups(String[] groupOfEachTestExample) {
        return with(s -> s.groups = groupOfEachTestExample.clone());
    }

    /** Also tests every model on {@code set}, reported as its own column (e.g. a second domain). */
    public Experiment<S> alsoTestOn(String name, S set) {
        return with(s -> s.extraTests.put(name, set));
    }

    /** Runs every method on every k and seed; returns every run. */
    public Results run() {
        if (settings.methods.isEmpty() || settings.ks.length == 0) {
            throw new IllegalStateException("an experiment needs methods(...) and labelsPerClass(...) before run()");
        }
        requireDistinctLabels();
        S pool = task.train();
        S test = settings.test != null ? settings.test : task.test();
        Map<String, int[]> groups = groupIndices(test);
        FeatureCache cache = new FeatureCache();
        int total = 0;
        for (int k : settings.ks) {
            int perK = (int) settings.methods.stream().filter(m -> m.runsAt(k)).count();
            total += perK * seedsAt(k).length;
        }
        ProgressBar bar = ProgressBar.start(settings.title, total);
        List<Run> runs = new ArrayList<>();
        for (int k : settings.ks) {
            for (long seed : seedsAt(k)) {
                Sample<S> sample = settings.sampler.draw(pool, k, seed);
                Trial<S> trial = new Trial<>(k, seed, sample.train(), sample.indices(), pool, sample.validation(), test,
                        groups, settings.extraTests, cache);
                for (Method<S> method : settings.methods) {
                    if (method.runsAt(k)) {
                        bar.update(runs.size(), method.label() + ", k = " + k + ", seed " + seed);
                        runs.add(method.run(trial));
                    }
                }
            }
        }
        bar.finish(runs.size() + " runs");
        return new Results(settings.title, "labelled examples per class (k)", runs);
    }

    private long[] seedsAt(int k) {
        return settings.seedList != null ? settings.seedList
                : LongStream.rangeClosed(1, settings.seeds.applyAsInt(k)).toArray();
    }

    private void requireDistinctLabels() {
        List<String> labels = settings.methods.stream().map(Method::label).toList();
        List<String> repeated = labels.stream().filter(l -> labels.indexOf(l) != labels.lastIndexOf(l)).distinct().toList();
        if (!repeated.isEmpty()) {
            throw new IllegalArgumentException("two methods are called " + repeated + ": give one of them another name"
                    + " with .named(\"...\") so the results can tell them apart");
        }
    }

    private Map<String, int[]> groupIndices(S test) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        if (settings.groups == null) {
            return groups;
        }
        if (settings.groups.length != test.size()) {
            throw new IllegalArgumentException(settings.groups.length + " group labels for " + test.size()
                    + " test examples: give one group per test example");
        }
        String[] all = settings.groups;
        Arrays.stream(all).distinct().forEach(g ->
                groups.put(g, IntStream.range(0, all.length).filter(i -> all[i].equals(g)).toArray()));
        return groups;
    }

    private static <S extends LabelledSet<S>> Sample<S> perClass(S pool, int k, long seed) {
        if (k == 0) {
            throw new IllegalArgumentException("k = 0 labels per class trains on nothing: add the examples every run"
                    + " trains on with sampling(Samplers.keepFirst(n)), e.g. the source voices of the speech lesson");
        }
        return Sample.of(pool, LabelSampling.perClass(pool.labels(), pool.numClasses(), k, seed),
                pool.name() + " (" + k + " per class, seed " + seed + ")");
    }
}
