package dev.tlkit.data;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The tasks of the lessons. Each is tested on a fixed sample of its test split (the same for every model
 * and every seed), so that a lesson's many trainings are compared on the same examples.
 */
public final class Tasks {
    /** Fashion-MNIST classes of the source task: clothes worn on the body. */
    private static final int[] FASHION_SOURCE = {0, 1, 2, 3, 4};
    /** The target task: footwear, bags and shirts, which the source model never saw. */
    private static final int[] FASHION_TARGET = {5, 6, 7, 8, 9};
    /** Test images per class of the Fashion target task (half of its test split). */
    public static final int FASHION_TEST_PER_CLASS = 500;
    /** Test digits per class of the MNIST task. */
    public static final int MNIST_TEST_PER_CLASS = 200;
    /** Validation digits per class of the MNIST task, from the test split's other digits. */
    public static final int MNIST_VALIDATION_PER_CLASS = 100;

    private Tasks() {
    }

    /**
     * The lessons' main task: the five Fashion-MNIST classes the kit's source model never saw (Sandal, Shirt,
     * Sneaker, Bag, Ankle boot), trained from the 30,000 target training images, tested on a fixed half of the
     * 5,000 target test images (500 per class); the other half is its validation set. Its source task is the other
     * five classes.
     */
    public static Task<ImageSet> fashionClothesToRest() {
        return Task.of("Fashion-MNIST: clothes -> footwear, bags, shirts",
                        "5 target classes, tested on 2,500 target test images (500 per class, a fixed half)",
                        () -> FashionMnist.train().onlyClasses("target train", FASHION_TARGET),
                        () -> half(true))
                .withValidation(() -> half(false))
                .withSource(fashionClothes());
    }

    /** The fixed half of the target test images (500 per class) or the other half. */
    private static ImageSet half(boolean first) {
        ImageSet all = FashionMnist.test().onlyClasses("target test", FASHION_TARGET);
        return first ? fixedSample(all, FASHION_TEST_PER_CLASS, "target test (fixed half)")
                : rest(all, FASHION_TEST_PER_CLASS, "target validation (the other half of the test images)");
    }

    /** The same task tested on all 5,000 target test images. */
    public static Task<ImageSet> fashionClothesToRestFullTest() {
        return fashionClothesToRest().withTest("5 target classes, tested on all 5,000 target test images",
                () -> FashionMnist.test().onlyClasses("target test", FASHION_TARGET));
    }

    /** The source task of the kit's Fashion models: T-shirt/top, Trouser, Pullover, Dress, Coat. */
    public static Task<ImageSet> fashionClothes() {
        return Task.of("Fashion-MNIST: clothes worn on the body", "5 source classes, tested on their 5,000 test images",
                () -> FashionMnist.train().onlyClasses("source train", FASHION_SOURCE),
                () -> FashionMnist.test().onlyClasses("source test", FASHION_SOURCE));
    }

    /**
     * Handwritten digits 0-9 (MNIST), tested on a fixed 2,000 of the test digits (200 per class); a fixed 1,000
     * of the other test digits (100 per class) are its validation set.
     */
    public static Task<ImageSet> mnistDigits() {
        return Task.of("MNIST digits", "10 classes, tested on 2,000 test digits (200 per class, fixed)",
                        Mnist::train, () -> fixedSample(Mnist.test(), MNIST_TEST_PER_CLASS, "MNIST test (fixed 2,000)"))
                .withValidation(() -> fixedSample(rest(Mnist.test(), MNIST_TEST_PER_CLASS, "MNIST test, the rest"),
                        MNIST_VALIDATION_PER_CLASS, "MNIST validation (fixed 1,000, none of them tested on)"));
    }

    /**
     * Sentiment of review sentences: trained on one domain, tested on another (UCI Sentiment Labelled
     * Sentences: "amazon", "yelp" or "imdb", 1,000 sentences each).
     */
    public static Task<SentenceSet> reviews(String trainDomain, String testDomain) {
        return Task.of("reviews: " + trainDomain + " -> " + testDomain,
                "positive or negative, trained on " + trainDomain + ", tested on all 1,000 " + testDomain + " sentences",
                () -> LabelledSentences.domain(trainDomain), () -> LabelledSentences.domain(testDomain));
    }

    /**
     * Reviews of {@code trainDomain} to learn from, tested on {@code testPerClass} sentences per class of
     * {@code testDomain}, always the same ones: a smaller test set for models that are slow to run (a fine-tuned
     * transformer must encode the test set anew after every run).
     */
    public static Task<SentenceSet> reviews(String trainDomain, String testDomain, int testPerClass) {
        return Task.of("reviews: " + trainDomain + " -> " + testDomain,
                "positive or negative, trained on " + trainDomain + ", tested on " + testPerClass + " " + testDomain
                        + " sentences per class (always the same ones)",
                () -> LabelledSentences.domain(trainDomain),
                () -> fixedSample(LabelledSentences.domain(testDomain), testPerClass, testDomain));
    }

    /**
     * Reviews of {@code trainDomain} to learn from, less {@code heldOutPerClass} per class kept back as the task's
     * validation set (the same domain, never trained on: what accuracy would be without the domain shift), tested on
     * all 1,000 {@code testDomain} sentences.
     */
    public static Task<SentenceSet> reviewsWithHeldOut(String trainDomain, String testDomain, int heldOutPerClass) {
        return Task.of("reviews: " + trainDomain + " -> " + testDomain,
                "positive or negative, trained on " + trainDomain + " less " + heldOutPerClass
                        + " held-out sentences per class, tested on all 1,000 " + testDomain + " sentences",
                () -> withoutTextsOf(rest(LabelledSentences.domain(trainDomain), heldOutPerClass, trainDomain
                        + ", the rest"), heldOut(trainDomain, heldOutPerClass)),
                () -> LabelledSentences.domain(testDomain))
                .withValidation(() -> heldOut(trainDomain, heldOutPerClass));
    }

    private static SentenceSet heldOut(String domain, int perClass) {
        return fixedSample(LabelledSentences.domain(domain), perClass, domain + " held out (never trained on)");
    }

    /** The sentences of {@code pool} whose text {@code other} does not hold (review sets repeat short reviews). */
    private static SentenceSet withoutTextsOf(SentenceSet pool, SentenceSet other) {
        Set<String> taken = new HashSet<>(other.texts());
        return pool.select(IntStream.range(0, pool.size()).filter(i -> !taken.contains(pool.text(i))).toArray(), pool.name());
    }

    /** {@code perClass} examples of every class, always the same ones (seed 0). */
    static <S extends LabelledSet<S>> S fixedSample(S set, int perClass, String name) {
        return set.select(LabelSampling.perClass(set.labels(), set.numClasses(), perClass, 0), name);
    }

    /** The examples of {@code set} that {@link #fixedSample} with {@code perClass} leaves out. */
    static <S extends LabelledSet<S>> S rest(S set, int perClass, String name) {
        boolean[] taken = new boolean[set.size()];
        for (int i : LabelSampling.perClass(set.labels(), set.numClasses(), perClass, 0)) {
            taken[i] = true;
        }
        return set.select(IntStream.range(0, set.size()).filter(i -> !taken[i]).toArray(), name);
    }
}
