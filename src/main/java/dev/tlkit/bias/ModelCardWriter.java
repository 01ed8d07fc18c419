package dev.tlkit.bias;

import dev.tlkit.data.PackagedFiles;
import dev.tlkit.models.ModelCard;
import dev.tlkit.viz.Markdown;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a model card in Markdown (after Mitchell et al. 2019, "Model Cards for Model Reporting"):
 * what the model is for, which data it learned from with their licenses (from the datasets
 * manifest and the backbone's own card), how it performs overall and per group, and its limits.
 * <pre>
 * ModelCardWriter.forModel("footwear classifier")
 *     .intendedUse("teaching").backbone(backbone.card())
 *     .trainingData(Manifest.load().get("fashion-mnist"), "250 labelled target images")
 *     .metrics("test set, both versions of each image", groupMetrics)
 *     .limitation("...").markdown()
 * </pre>
 */
public final class ModelCardWriter {
    private final String name;
    private String intendedUse = "";
    private ModelCard backbone;
    private final List<String> data = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private final List<String> limitations = new ArrayList<>();

    private ModelCardWriter(String name) {
        this.name = name;
    }

    public static ModelCardWriter forModel(String name) {
        return new ModelCardWriter(name);
    }

    public ModelCardWriter intendedUse(String text) {
        this.intendedUse = text;
        return this;
    }

    /** The pre-trained backbone the model starts from; its source data and license go into the card. */
    public ModelCardWriter backbone(ModelCard card) {
        this.backbone = card;
        return this;
    }

    /** A data set the model was trained or evaluated on, from the datasets manifest, and how it was used. */
    public ModelCardWriter trainingData(PackagedFiles dataset, String howUsed) {
        data.add("| " + cell(dataset.title()) + " | " + cell(howUsed) + " | " + cell(dataset.license()) + " | "
                + cell(dataset.source().describe()) + " | " + cell(dataset.citation()) + " |");
        return this;
    }

    /** Overall and per-group metrics on the named evaluation data, with the disparities between groups. */
    public ModelCardWriter metrics(String evaluatedOn, GroupMetrics groupMetrics) {
        StringBuilder sb = new StringBuilder("Evaluated on ").append(evaluatedOn).append(".\n\n");
        sb.append("| group | count | accuracy | selection rate | true-positive rate | false-positive rate |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        List<String> rows = groupMetrics.groups();
        rows.add(GroupMetrics.OVERALL);
        for (String g : rows) {
            GroupMetrics.Counts c = groupMetrics.of(g);
            sb.append(String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", cell(g), c.count(), c.accuracy(),
                    c.selectionRate(), c.truePositiveRate(), c.falsePositiveRate()));
        }
        sb.append(String.format("%nDemographic-parity difference %.3f, equalized-odds difference %.3f.%n",
                groupMetrics.demographicParityDifference(), groupMetrics.equalizedOddsDifference()));
        metrics.add(sb.toString());
        return this;
    }

    public ModelCardWriter limitation(String text) {
        limitations.add(text);
        return this;
    }

    /** The card as Markdown text (renders formatted in a notebook). */
    public Markdown markdown() {
        if (intendedUse.isBlank()) {
            throw new IllegalStateException("a model card needs its intended use: call intendedUse(...)");
        }
        if (data.isEmpty() && backbone == null) {
            throw new IllegalStateException("a model card needs its data sources: call trainingData(...) or backbone(...)");
        }
        StringBuilder md = new StringBuilder("## Model card: ").append(name).append("\n\n");
        md.append("### Intended use\n").append(intendedUse).append("\n\n");
        md.append("### Training data and licenses\n");
        md.append("| data | how it was used | license | where it comes from | citation |\n|---|---|---|---|---|\n");
        if (backbone != null) {
            md.append("| ").append(cell(backbone.sourceData())).append(" | pre-training of the backbone `")
                    .append(backbone.name()).append("` (").append(backbone.trainingImages()).append(" images, ")
                    .append(backbone.epochs()).append(" epochs, seed ").append(backbone.seed()).append(") | ")
                    .append(cell(backbone.dataLicense())).append(" | reproduce with `").append(backbone.command())
                    .append("` | parameters SHA-256 `").append(abbreviate(backbone.parametersSha256())).append("` |\n");
        }
        data.forEach(row -> md.append(row).append("\n"));
        md.append("\n### Metrics\n");
        if (metrics.isEmpty()) {
            md.append("No evaluation recorded.\n");
        }
        metrics.forEach(m -> md.append(m).append("\n"));
        md.append("\n### Limitations\n");
        if (backbone != null && !backbone.limitations().isBlank()) {
            md.append("- Backbone: ").append(backbone.limitations()).append("\n");
        }
        limitations.forEach(l -> md.append("- ").append(l).append("\n"));
        if (limitations.isEmpty() && (backbone == null || backbone.limitations().isBlank())) {
            md.append("- None recorded.\n");
        }
        return new Markdown(md.toString());
    }

    /** Writes the card to {@code file} atomically (a temporary file, then a rename). */
    public Path write(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(temporary, markdown().text(), StandardCharsets.UTF_8);
        return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String abbreviate(String sha) {
        return sha == null || sha.length() < 16 ? String.valueOf(sha) : sha.substring(0, 12) + "…";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
