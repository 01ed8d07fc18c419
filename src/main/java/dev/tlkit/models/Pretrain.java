package dev.tlkit.models;

import dev.tlkit.bias.GroupBalancing;
import dev.tlkit.bias.GroupedImages;
import dev.tlkit.data.Checksums;
import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageAugmentation;
import dev.tlkit.data.ImageSet;
import dev.tlkit.eval.Predictions;
import dev.tlkit.train.Fit;
import dev.tlkit.train.ImageExamples;
import dev.tlkit.train.Network;
import dev.tlkit.train.TrainingHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The kit's deterministic pre-training command: trains the {@link SmallCnn} on a source task and
 * writes its parameters and model card.
 * <pre>
 * java -cp target/transfer-kit.jar:target/lib/* dev.tlkit.models.Pretrain fashion-source-cnn [OUTPUT_DIR]
 * </pre>
 * The default output folder is the one the kit ships its models from
 * ({@code src/main/resources/dev/tlkit/models}).
 */
public final class Pretrain {
    /** Fashion-MNIST classes of the source task: clothes worn on the body. */
    public static final int[] SOURCE_CLASSES = {0, 1, 2, 3, 4};
    /** The lessons' target task: footwear, bags and shirts, which the source model never saw. */
    public static final int[] TARGET_CLASSES = {5, 6, 7, 8, 9};

    /** How one pre-trained model is made. */
    public record Recipe(String name, String sourceData, String dataLicense, Supplier<ImageSet> train,
                         Supplier<ImageSet> test, int width, int epochs, ImageAugmentation augmentation, long seed,
                         double learningRate, String intendedUse, String limitations) {
    }

    /**
     * The kit's source model. Its task is harder than "which of 5 garments": every garment in four
     * orientations is a class of its own (20 classes), so the features must describe shape and
     * orientation, not only the few cues that separate five classes, and they transfer better to new
     * classes (measured in lesson 3).
     */
    public static final Map<String, Recipe> RECIPES = recipes();

    /** Share of inverted images (group B) in the skewed bias-lesson sources. */
    public static final double RARE_GROUP_SHARE = 0.02;

    private static Map<String, Recipe> recipes() {
        Map<String, Recipe> recipes = new java.util.LinkedHashMap<>();
        recipes.put("fashion-source-cnn", new Recipe("fashion-source-cnn",
                "Fashion-MNIST training images of T-shirt/top, Trouser, Pullover, Dress, Coat, each in four"
                        + " orientations, every (class, orientation) a class of its own (20 classes)",
                FASHION_LICENSE,
                () -> FashionMnist.train().onlyClasses("source train", SOURCE_CLASSES).withRotationClasses("source"),
                () -> FashionMnist.test().onlyClasses("source test", SOURCE_CLASSES).withRotationClasses("source test"),
                32, 8, ImageAugmentation.shifts(2), 7, 1e-3,
                "a feature extractor for 28x28 grey-scale product photos, for teaching transfer learning",
                "saw only clothes worn on the body (no footwear, bags or shirts); tiny 28x28 grey images"));
        for (int seed = 1; seed <= 3; seed++) {
            recipes.put(biasSource("skewed", seed), biasRecipe("skewed", seed, RARE_GROUP_SHARE, false));
            recipes.put(biasSource("balanced", seed), biasRecipe("balanced", seed, 0.5, false));
            recipes.put(biasSource("rebalanced", seed), biasRecipe("rebalanced", seed, RARE_GROUP_SHARE, true));
        }
        return java.util.Collections.unmodifiableMap(recipes);
    }

    private static final String FASHION_LICENSE = "MIT (Fashion-MNIST, Zalando Research)";

    /** Name of a bias-lesson source: kind is skewed, balanced or rebalanced; seed 1..3. */
    public static String biasSource(String kind, int seed) {
        return "bias-" + kind + "-" + seed;
    }

    /**
     * The bias lesson's sources: the 30,000 Fashion-MNIST training images of the source classes with
     * a share of them intensity-inverted (group B), 2 epochs. "rebalanced" trains on the skewed data
     * drawn group-balanced ({@link GroupBalancing#balancedSample}).
     */
    private static Recipe biasRecipe(String kind, int seed, double invertedShare, boolean balancedSampling) {
        Supplier<ImageSet> train = () -> {
            GroupedImages source = GroupedImages.withInvertedShare(
                    FashionMnist.train().onlyClasses("source train", SOURCE_CLASSES), invertedShare, seed, "source train");
            if (!balancedSampling) {
                return source.images();
            }
            return source.images().select(GroupBalancing.balancedSample(source.groups(), source.size(), seed),
                    "source train, group-balanced sample");
        };
        String data = String.format("Fashion-MNIST training images of T-shirt/top, Trouser, Pullover, Dress, Coat;"
                + " a random %.0f%% of them intensity-inverted (group B)", 100 * invertedShare)
                + (balancedSampling ? ", drawn group-balanced (each group half of the draws)" : "");
        return new Recipe(biasSource(kind, seed), data, FASHION_LICENSE, train,
                () -> GroupedImages.bothVersions(FashionMnist.test().onlyClasses("source test", SOURCE_CLASSES),
                        "source test, normal and inverted").images(),
                32, 2, ImageAugmentation.none(), seed, 1e-3,
                "teaching only: how a group that is rare in pre-training data fares after transfer",
                invertedShare < 0.5 && !balancedSampling
                        ? "saw almost no inverted images: expect worse features for them"
                        : "tiny 28x28 grey images; 2 epochs only");
    }

    private Pretrain() {
    }

    /** Trains the recipe's network; returns the backbone (with the recipe's card) and the history. */
    public static Result run(Recipe recipe) {
        ImageSet train = recipe.train().get();
        ImageSet test = recipe.test().get();
        VisionBackbone backbone = VisionBackbone.randomInit(recipe.width(), recipe.seed());
        try (Network net = backbone.withNewHead(train.numClasses(), recipe.seed())) {
            TrainingHistory history = Fit.of(net).named("pre-training " + recipe.name()).learningRate(recipe.learningRate())
                    .epochs(recipe.epochs()).batchSize(64).seed(recipe.seed())
                    .on(new ImageExamples(train, recipe.augmentation()));
            double accuracy = Predictions.of(net, ImageExamples.of(test)).accuracy();
            ModelCard card = new ModelCard(recipe.name(), "SmallCnn", recipe.width(), recipe.sourceData(),
                    recipe.dataLicense(), train.classNames(), train.size(), recipe.epochs(), recipe.seed(),
                    describe(recipe.augmentation()), accuracy, test.size(), history.seconds(), "",
                    "java -cp 'target/transfer-kit.jar:target/lib/*' dev.tlkit.models.Pretrain " + recipe.name(),
                    recipe.intendedUse(), recipe.limitations());
            return new Result(backbone, card, history);
        }
    }

    /** A trained backbone with its card (parameters' checksum not yet filled in) and history. */
    public record Result(VisionBackbone backbone, ModelCard card, TrainingHistory history) {
        /** Writes NAME.params and NAME.card.json into {@code folder}; returns the card with the checksum. */
        public ModelCard save(Path folder) throws IOException {
            Path params = folder.resolve(card.name() + ".params");
            backbone.save(params);
            ModelCard complete = card.withParametersSha256(Checksums.sha256(params));
            Path cardFile = folder.resolve(card.name() + ".card.json");
            Path temporary = folder.resolve(card.name() + ".card.json.part");
            Files.writeString(temporary, complete.toJson() + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, cardFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return complete;
        }
    }

    static String describe(ImageAugmentation a) {
        if (a.isNone()) {
            return "none";
        }
        return "random shifts up to " + a.maxShift() + " px" + (a.mirror() ? ", left-right mirror" : "")
                + (a.noiseStdDev() > 0 ? ", noise sd " + a.noiseStdDev() : "");
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !RECIPES.containsKey(args[0])) {
            System.err.println("usage: Pretrain NAME [OUTPUT_DIR]; NAME is one of " + RECIPES.keySet());
            System.exit(2);
        }
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/dev/tlkit/models");
        Files.createDirectories(out);
        Result result = run(RECIPES.get(args[0]));
        System.out.println(result.history().table().printAll());
        ModelCard card = result.save(out);
        System.out.println(card.toJson());
        System.out.println("wrote " + out.resolve(card.name() + ".params") + " (source test accuracy "
                + String.format("%.4f", card.sourceTestAccuracy()) + ")");
        result.backbone().close();
    }
}
