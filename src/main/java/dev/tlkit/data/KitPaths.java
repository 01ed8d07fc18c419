package dev.tlkit.data;

import java.nio.file.Path;

/**
 * Where the kit keeps what it fetches or generates on this machine: {@code $TLKIT_DATA}, or
 * {@code ~/.cache/transfer-kit} by default.
 */
public final class KitPaths {
    private KitPaths() {
    }

    public static Path dataCache() {
        String configured = System.getenv("TLKIT_DATA");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "transfer-kit");
    }

    /** Unpacked npm packages: {@code <cache>/npm/<package>-<version>/package/...}. */
    public static Path npmPackages() {
        return dataCache().resolve("npm");
    }
}
