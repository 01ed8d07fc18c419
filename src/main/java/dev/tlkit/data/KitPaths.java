package dev.tlkit.data;

import java.nio.file.Path;

/**
 * Where the kit keeps what it fetches or generates on this machine: {@code $TLKIT_DATA}, or
 * {@code ~/.cache/transfer-kit} by default. On a course's hub that folder is shared by every learner and
 * read-only ({@code ./kit hub} fills it once); what a learner's own work generates then goes to
 * {@code $TLKIT_USER_CACHE}. Generated files are looked up in the shared folder first.
 */
public final class KitPaths {
    private KitPaths() {
    }

    /** The data sets, models and generated caches set up for this machine. */
    public static Path dataCache() {
        return fromEnvironment("TLKIT_DATA", Path.of(System.getProperty("user.home"), ".cache", "transfer-kit"));
    }

    /** Where this user's generated files go: {@code $TLKIT_USER_CACHE}, or the data cache itself. */
    public static Path userCache() {
        return fromEnvironment("TLKIT_USER_CACHE", dataCache());
    }

    /** Unpacked npm packages: {@code <cache>/npm/<package>-<version>/package/...}. */
    public static Path npmPackages() {
        return dataCache().resolve("npm");
    }

    private static Path fromEnvironment(String variable, Path fallback) {
        String configured = System.getenv(variable);
        return configured != null && !configured.isBlank() ? Path.of(configured) : fallback;
    }
}
