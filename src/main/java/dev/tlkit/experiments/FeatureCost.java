package dev.tlkit.experiments;

import dev.tlkit.data.ImageSet;
import dev.tlkit.models.ImageBackbone;
import dev.tlkit.train.Stopwatch;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a feature cache costs with one backbone: counted work (multiply-adds per image, the same on every machine)
 * and the process CPU seconds it took here (all threads).
 */
public record FeatureCost(String model, int features, long multiplyAdds, int images, double cpuSeconds) {

    /** Computes the features of {@code images} once and measures it. */
    public static FeatureCost measure(ImageBackbone backbone, ImageSet images) {
        Stopwatch clock = Stopwatch.start();
        backbone.features(images);
        return new FeatureCost(backbone.name(), backbone.featureSize(), backbone.multiplyAdds(), images.size(),
                clock.cpuSeconds());
    }

    /** One row per backbone, measured on the same images; the first is the reference of the ratio columns. */
    public static Table compare(ImageSet images, ImageBackbone... backbones) {
        return table(Arrays.stream(backbones).map(b -> measure(b, images)).toList());
    }

    public static Table table(List<FeatureCost> costs) {
        FeatureCost first = costs.get(0);
        Table table = Table.create("Feature cache of " + first.images() + " images: cost",
                StringColumn.create("model"), IntColumn.create("features"), LongColumn.create("multiply-adds per image"),
                DoubleColumn.create("x work of " + first.model()), DoubleColumn.create("CPU s"),
                DoubleColumn.create("x CPU of " + first.model()));
        for (FeatureCost c : costs) {
            table.stringColumn(0).append(c.model());
            table.intColumn(1).append(c.features());
            table.longColumn(2).append(c.multiplyAdds());
            table.doubleColumn(3).append(Math.round(10.0 * c.multiplyAdds() / first.multiplyAdds()) / 10.0);
            table.doubleColumn(4).append(Math.round(100 * c.cpuSeconds()) / 100.0);
            table.doubleColumn(5).append(Math.round(10 * c.cpuSeconds() / first.cpuSeconds()) / 10.0);
        }
        return table;
    }
}
