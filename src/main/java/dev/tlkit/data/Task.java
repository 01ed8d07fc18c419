package dev.tlkit.data;

import dev.tlkit.viz.Showable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A classification task that a pre-trained model is reused for: its name, its classes, the labelled pool
 * that "k labels per class" are drawn from ({@link #train()}), the set every model is tested on
 * ({@link #test()}) and, where the kit pre-trains a source model for it, the source task. Data loads on first
 * use, once. Build one with {@link Tasks}.
 *
 * @param <S> what the task's examples are: {@code ImageSet}, {@code SentenceSet}, {@code ClipSet}
 */
public final class Task<S extends LabelledSet<S>> implements Showable {
    private final String name;
    private final String description;
    private final Once<S> train;
    private final Once<S> test;
    private final Once<S> validation;
    private final Task<S> source;

    private Task(String name, String description, Once<S> train, Once<S> test, Once<S> validation, Task<S> source) {
        this.name = name;
        this.description = description;
        this.train = train;
        this.test = test;
        this.validation = validation;
        this.source = source;
    }

    /** A task from suppliers of its training pool and its test set (each called at most once). */
    public static <S extends LabelledSet<S>> Task<S> of(String name, String description, Supplier<S> train,
                                                         Supplier<S> test) {
        return new Task<>(name, description, new Once<>(train), new Once<>(test), null, null);
    }

    /** This task with {@code source} as the task its source model was pre-trained on. */
    public Task<S> withSource(Task<S> sourceTask) {
        return new Task<>(name, description, train, test, validation, sourceTask);
    }

    /** This task tested on another set (e.g. every test image instead of a fixed sample). */
    public Task<S> withTest(String newDescription, Supplier<S> newTest) {
        return new Task<>(name, newDescription, train, new Once<>(newTest), validation, source);
    }

    /** This task with held-out labelled examples, apart from its pool and its test set, to tune decisions on. */
    public Task<S> withValidation(Supplier<S> newValidation) {
        return new Task<>(name, description, train, test, new Once<>(newValidation), source);
    }

    public String name() {
        return name;
    }

    /** What the task is and what it is tested on, in a sentence. */
    public String description() {
        return description;
    }

    /** The labelled pool that training samples are drawn from. */
    public S train() {
        return train.get();
    }

    /** The examples every model of the task is tested on. */
    public S test() {
        return test.get();
    }

    public List<String> classNames() {
        return train().classNames();
    }

    public int numClasses() {
        return classNames().size();
    }

    /**
     * Held-out labelled examples, neither trained nor tested on: where to tune decisions such as a threshold.
     *
     * @throws IllegalStateException if the task has none
     */
    public S validation() {
        if (validation == null) {
            throw new IllegalStateException(name + " has no held-out validation examples");
        }
        return validation.get();
    }

    /** The task the kit pre-trained this task's source model on, if any. */
    public Optional<Task<S>> source() {
        return Optional.ofNullable(source);
    }

    /** The task in a table: its classes, how many examples it trains from and tests on, its source. */
    @Override
    public Object view() {
        return Table.create("Task: " + name,
                StringColumn.create("what", "classes", "training pool", "test set", "source task"),
                StringColumn.create("value", String.join(", ", classNames()), train().size() + " examples",
                        test().size() + " examples (" + description + ")",
                        source == null ? "none" : source.name() + " (" + String.join(", ", source.classNames()) + ")"));
    }

    @Override
    public String toString() {
        return name + ": " + description;
    }

    /** A supplier called at most once; its value is kept. */
    private static final class Once<T> {
        private final Supplier<T> supplier;
        private T value;

        Once(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        synchronized T get() {
            if (value == null) {
                value = supplier.get();
            }
            return value;
        }
    }
}
