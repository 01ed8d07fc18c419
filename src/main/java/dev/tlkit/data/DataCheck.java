package dev.tlkit.data;

/**
 * {@code java dev.tlkit.data.DataCheck}: verifies every data set and packaged model of the manifest (presence and
 * SHA-256) and says how to fix what is missing. Exit code 1 when anything is.
 */
public final class DataCheck {
    private DataCheck() {
    }

    public static void main(String[] args) {
        boolean allGood = true;
        Manifest manifest = Manifest.load();
        for (PackagedFiles dataset : java.util.stream.Stream.concat(manifest.datasets().stream(),
                manifest.models().stream()).toList()) {
            try {
                dataset.verify();
                System.out.println("ok       " + dataset.name() + ": " + dataset.files().size() + " files verified ("
                        + dataset.source().describe() + ", " + dataset.license() + ")");
            } catch (DataUnavailableException e) {
                allGood = false;
                System.out.println("MISSING  " + dataset.name() + ": " + e.getMessage());
            }
        }
        System.exit(allGood ? 0 : 1);
    }
}
