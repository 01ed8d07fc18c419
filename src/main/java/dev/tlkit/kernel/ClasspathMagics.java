package dev.tlkit.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the paths of IJava's {@code %classpath} and {@code %jars} magics. Relative paths and
 * globs ({@code *}, {@code ?}) are resolved against the kernel's working directory, which Jupyter
 * sets to the notebook's folder.
 */
final class ClasspathMagics {
    private ClasspathMagics() {
    }

    /** {@code %jars}: every {@code .jar} file the globs match. */
    static List<String> jars(List<String> globs) throws CellError {
        List<String> found = new ArrayList<>();
        for (String glob : globs) {
            List<String> matches = new ArrayList<>();
            for (Path path : matching(glob, true)) {
                if (path.toString().endsWith(".jar")) {
                    matches.add(path.toAbsolutePath().normalize().toString());
                }
            }
            requireSome("jars", glob, matches);
            found.addAll(matches);
        }
        return found;
    }

    /** {@code %classpath}: every file or folder the globs match. */
    static List<String> classpath(List<String> globs) throws CellError {
        List<String> found = new ArrayList<>();
        for (String glob : globs) {
            List<String> matches = new ArrayList<>();
            for (Path path : matching(glob, false)) {
                matches.add(path.toAbsolutePath().normalize().toString());
            }
            requireSome("classpath", glob, matches);
            found.addAll(matches);
        }
        return found;
    }

    private static Iterable<Path> matching(String glob, boolean filesOnly) throws CellError {
        try {
            GlobFinder finder = new GlobFinder(glob);
            return filesOnly ? finder.computeMatchingFiles() : finder.computeMatchingPaths();
        } catch (java.nio.file.NoSuchFileException e) {
            return java.util.List.of(); // the folder does not exist: reported as "matched nothing"
        } catch (IOException e) {
            throw new CellError("MagicError", glob + ": " + e.getMessage(),
                    List.of("Could not read " + glob + ": " + e.getMessage()));
        }
    }

    private static void requireSome(String magic, String glob, List<String> matches) throws CellError {
        if (matches.isEmpty()) {
            String cwd = Path.of("").toAbsolutePath().toString();
            throw new CellError("MagicError", "%" + magic + " " + glob + " matched nothing", List.of(
                    "%" + magic + " " + glob + " matched no " + ("jars".equals(magic) ? ".jar file" : "file or folder")
                            + " (relative paths start at " + cwd + ").",
                    "Build the kit first with ./kit build, or fix the path."));
        }
    }
}
