package dev.tlkit.models;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.tlkit.viz.Showable;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a pre-trained model is: its architecture, the data and classes it learned from (with the
 * data's license), how it was trained, how well it did, and the SHA-256 of its parameter file.
 * Stored as JSON next to the parameters; shows as a table.
 */
public record ModelCard(String name, String architecture, int width, String sourceData, String dataLicense,
                        List<String> classes, int trainingImages, int epochs, long seed, String augmentation,
                        double sourceTestAccuracy, int sourceTestImages, double trainingSeconds,
                        String parametersSha256, String command, String intendedUse, String limitations,
                        double lastEpochTrainingAccuracy)
        implements Showable {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static ModelCard fromJson(String json) {
        return GSON.fromJson(json, ModelCard.class);
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    public ModelCard withParametersSha256(String sha) {
        return new ModelCard(name, architecture, width, sourceData, dataLicense, classes, trainingImages, epochs, seed,
                augmentation, sourceTestAccuracy, sourceTestImages, trainingSeconds, sha, command, intendedUse, limitations,
                lastEpochTrainingAccuracy);
    }

    /** Several cards side by side: what each model saw, how long it trained, how well it did. */
    public static Table compare(List<ModelCard> cards) {
        return Table.create("Model cards",
                StringColumn.create("model", cards.stream().map(ModelCard::name).toList()),
                StringColumn.create("pre-training data", cards.stream().map(ModelCard::sourceData).toList()),
                StringColumn.create("epochs", cards.stream().map(c -> String.valueOf(c.epochs())).toList()),
                StringColumn.create("training accuracy (last epoch)", cards.stream().map(c ->
                        c.lastEpochTrainingAccuracy() > 0 ? String.format("%.3f", c.lastEpochTrainingAccuracy()) : "-")
                        .toList()),
                StringColumn.create("source test accuracy", cards.stream().map(c -> Double.isNaN(c.sourceTestAccuracy())
                        ? "-" : String.format("%.3f", c.sourceTestAccuracy())).toList()));
    }

    public Table table() {
        return Table.create("Model card: " + name,
                StringColumn.create("field", "architecture", "source data", "data license", "classes", "training images",
                        "epochs", "seed", "augmentation", "training accuracy (last epoch)", "source test accuracy", "training time",
                        "parameters SHA-256", "reproduce with", "intended use", "limitations"),
                StringColumn.create("value", architecture + (width > 0 ? " (width " + width + ")" : ""), sourceData,
                        dataLicense, classes.isEmpty() ? "not shipped" : String.join(", ", classes),
                        recorded(trainingImages > 0, String.format("%,d", trainingImages)),
                        recorded(epochs > 0, String.valueOf(epochs)), String.valueOf(seed), augmentation,
                        recorded(lastEpochTrainingAccuracy > 0, String.format("%.4f", lastEpochTrainingAccuracy)),
                        recorded(sourceTestImages > 0, String.format("%.4f on %d images", sourceTestAccuracy, sourceTestImages)),
                        recorded(trainingSeconds > 0, String.format("%.0f s", trainingSeconds)), parametersSha256, command,
                        intendedUse, limitations));
    }

    private static String recorded(boolean known, String value) {
        return known ? value : "not recorded";
    }

    @Override
    public Object view() {
        return table();
    }
}
