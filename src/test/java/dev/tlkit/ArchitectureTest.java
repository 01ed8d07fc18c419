package dev.tlkit;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's packages form layers that depend one way, so the architecture can be read from the folders:
 * presentation (viz) and check results at the bottom, then data, networks, models, evaluation, training,
 * recipes, experiments, and the lesson-facing layers on top; the programs (kernel, notebooks, exercises,
 * bench, pre-training) use the module, the kernel only its presentation.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importTheModule() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tlkit");
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("dev.tlkit.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void thePackagesDependDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("viz").definedBy("dev.tlkit.viz..")
                .layer("checks").definedBy("dev.tlkit.checks..")
                .layer("data").definedBy("dev.tlkit.data..")
                .layer("audio").definedBy("dev.tlkit.audio..")
                .layer("nn").definedBy("dev.tlkit.nn..")
                .layer("models").definedBy("dev.tlkit.models..")
                .layer("eval").definedBy("dev.tlkit.eval..")
                .layer("train").definedBy("dev.tlkit.train..")
                .layer("recipes").definedBy("dev.tlkit.recipes..")
                .layer("experiments").definedBy("dev.tlkit.experiments..")
                .layer("labels").definedBy("dev.tlkit.labels..")
                .layer("bias").definedBy("dev.tlkit.bias..")
                .layer("pretrain").definedBy("dev.tlkit.pretrain..")
                .layer("kernel").definedBy("dev.tlkit.kernel..")
                .layer("notebooks").definedBy("dev.tlkit.notebooks..")
                .layer("exercises").definedBy("dev.tlkit.exercises..")
                .layer("bench").definedBy("dev.tlkit.bench..")
                .layer("hub").definedBy("dev.tlkit.hub..")
                .layer("environment").definedBy("dev.tlkit")
                .whereLayer("pretrain").mayOnlyBeAccessedByLayers("bench")
                .whereLayer("labels").mayOnlyBeAccessedByLayers("bench")
                .whereLayer("bias").mayOnlyBeAccessedByLayers("pretrain", "bench")
                .whereLayer("experiments").mayOnlyBeAccessedByLayers("labels", "bias", "pretrain", "bench")
                .whereLayer("recipes").mayOnlyBeAccessedByLayers("experiments", "labels", "bias", "pretrain", "bench")
                .whereLayer("train").mayOnlyBeAccessedByLayers("recipes", "experiments", "labels", "bias", "pretrain",
                        "bench")
                .whereLayer("eval").mayOnlyBeAccessedByLayers("train", "recipes", "experiments", "labels", "bias",
                        "pretrain", "bench")
                .whereLayer("models").mayOnlyBeAccessedByLayers("eval", "train", "recipes", "experiments", "labels",
                        "bias", "pretrain", "bench", "hub")
                .whereLayer("audio").mayOnlyBeAccessedByLayers("models", "eval", "train", "recipes", "experiments",
                        "labels", "bias", "pretrain", "bench", "hub")
                .whereLayer("nn").mayOnlyBeAccessedByLayers("models", "eval", "train", "recipes", "experiments",
                        "labels", "bias", "pretrain", "bench")
                .whereLayer("data").mayOnlyBeAccessedByLayers("audio", "nn", "models", "eval", "train", "recipes",
                        "experiments", "labels", "bias", "pretrain", "exercises", "bench", "hub")
                .whereLayer("kernel").mayOnlyBeAccessedByLayers("notebooks", "exercises", "bench")
                .whereLayer("notebooks").mayOnlyBeAccessedByLayers("exercises", "bench")
                .whereLayer("exercises").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayNotBeAccessedByAnyLayer()
                .whereLayer("hub").mayNotBeAccessedByAnyLayer()
                .check(classes);
    }
}
