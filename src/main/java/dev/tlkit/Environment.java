package dev.tlkit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import dev.tlkit.viz.Showable;
import java.nio.file.Path;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the kit runs on: Java, DJL and its engine, whether DJL is offline, where libtorch was
 * unpacked from the Maven jar, and the library versions. The first lesson shows it.
 */
public record Environment(String javaVersion, String djlVersion, String engineName, String engineVersion,
                          boolean offline, String libtorchDirectory, int cores, String tablesawVersion,
                          String xchartVersion, String tensorCheck) implements Showable {

    /** Loads the default engine (PyTorch, from the classifier jar) and runs one tensor operation. */
    public static Environment inspect() {
        Engine engine = Engine.getInstance();
        String tensorCheck;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray sum = manager.create(new float[] {1, 2, 3}).sum();
            tensorCheck = "sum([1, 2, 3]) = " + sum.getFloat();
        }
        return new Environment(
                Runtime.version().toString(),
                Engine.getDjlVersion(),
                engine.getEngineName(),
                engine.getVersion(),
                Utils.isOfflineMode(),
                Utils.getEngineCacheDir("pytorch").toString(),
                Runtime.getRuntime().availableProcessors(),
                versionOf(Table.class),
                versionOf(org.knowm.xchart.XYChart.class),
                tensorCheck);
    }

    /** True when libtorch sits in DJL's local cache, i.e. it was unpacked there and not downloaded now. */
    public boolean libtorchIsLocal() {
        return Path.of(libtorchDirectory).toFile().isDirectory();
    }

    private static String versionOf(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.substring(jar.lastIndexOf('/') + 1);
    }

    public Table table() {
        return Table.create("Environment",
                StringColumn.create("what", "Java", "DJL", "engine", "engine version", "DJL offline mode",
                        "libtorch folder", "CPU cores", "Tablesaw", "XChart", "tensor check"),
                StringColumn.create("value", javaVersion, djlVersion, engineName, engineVersion, String.valueOf(offline),
                        libtorchDirectory, String.valueOf(cores), tablesawVersion, xchartVersion, tensorCheck));
    }

    @Override
    public Object view() {
        return table();
    }
}
