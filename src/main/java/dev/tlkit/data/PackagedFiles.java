package dev.tlkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** One data set of the manifest: its provenance, license and files with their SHA-256. */
public record PackagedFiles(String name, String title, String description, String license, String citation,
                      PackageSource source, List<DataFile> files) {

    /** A file of the data set and its expected SHA-256. */
    public record DataFile(String path, String sha256) {
    }

    /**
     * The verified location of one of this data set's files.
     *
     * @throws DataUnavailableException if the file is missing or its checksum differs, with the fix
     */
    public Path file(String path) {
        DataFile entry = files.stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no file " + path + "; it has "
                        + files.stream().map(DataFile::path).collect(Collectors.joining(", "))));
        Path location = source.location().resolve(entry.path());
        if (!Files.isRegularFile(location)) {
            throw new DataUnavailableException(title + " is not installed: " + location + " is missing."
                    + " It comes from the " + source.describe() + ". " + source.installHint());
        }
        String actual = Checksums.sha256(location);
        if (!actual.equalsIgnoreCase(entry.sha256())) {
            throw new DataUnavailableException(location + " is corrupt or a different version: expected SHA-256 "
                    + entry.sha256() + ", found " + actual + ". It comes from the " + source.describe() + ". "
                    + source.reinstallHint());
        }
        return location;
    }

    /** Verifies every file; returns their locations. */
    public List<Path> verify() {
        return files.stream().map(f -> file(f.path())).collect(Collectors.toList());
    }
}
