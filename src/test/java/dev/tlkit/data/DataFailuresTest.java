package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a learner sees when a data file is corrupt, truncated or missing: an error that names the file,
 * the expected and the actual SHA-256 and the package to reinstall, and no data set at all (nothing
 * half-loaded).
 */
class DataFailuresTest {
    private static final List<String> CLASSES = List.of("zero", "one", "two");

    @Test
    void aCompleteDataSetLoads(@TempDir Path dir) throws IOException {
        ImageSet images = IdxFiles.loadImageSet(writeIdx(dir), "images.gz", "labels.gz", "demo", CLASSES);
        assertEquals(6, images.size());
        assertEquals(2, images.label(5));
        assertEquals(3 * 5 + 4, images.pixel(5, 3, 4));
    }

    @Test
    void aTruncatedFileNamesItselfBothChecksumsAndThePackage(@TempDir Path dir) throws IOException {
        PackagedFiles files = writeIdx(dir);
        Path images = dir.resolve("images.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length / 2));

        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> IdxFiles.loadImageSet(files, "images.gz", "labels.gz", "demo", CLASSES));
        assertMessageNames(e, images, Checksums.sha256(whole), Checksums.sha256(images));
    }

    @Test
    void aCorruptLabelFileFailsTheWholeLoadThoughTheImagesAreFine(@TempDir Path dir) throws IOException {
        PackagedFiles files = writeIdx(dir);
        Path labels = dir.resolve("labels.gz");
        byte[] original = Files.readAllBytes(labels);
        byte[] flipped = original.clone();
        flipped[flipped.length - 5] ^= 0x40;
        Files.write(labels, flipped);

        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> IdxFiles.loadImageSet(files, "images.gz", "labels.gz", "demo", CLASSES));
        assertMessageNames(e, labels, Checksums.sha256(original), Checksums.sha256(flipped));
    }

    @Test
    void aMissingFileNamesThePackageAndHowToInstallIt(@TempDir Path dir) throws IOException {
        PackagedFiles files = writeIdx(dir);
        Files.delete(dir.resolve("labels.gz"));

        DataUnavailableException e = assertThrows(DataUnavailableException.class,
                () -> IdxFiles.loadImageSet(files, "images.gz", "labels.gz", "demo", CLASSES));
        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve("labels.gz") + " is missing"), message);
        assertTrue(message.contains("Debian package demo-data (1.0)"), message);
        assertTrue(message.contains("sudo apt-get install demo-data"), message);
    }

    @Test
    void aTruncatedFileWithAMatchingChecksumIsStillRefusedByTheReader(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("images.gz");
        writeIdx(dir);
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(whole, whole.length - 12));
        // a broken package whose manifest entry records the broken file: the checksum passes, the reader refuses
        PackagedFiles files = dataset(dir, Checksums.sha256(images), Checksums.sha256(dir.resolve("labels.gz")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IdxFiles.loadImageSet(files, "images.gz", "labels.gz", "demo", CLASSES));
        assertTrue(e.getMessage().contains(images + " is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("promises 6 images of 4x5 pixels"), e.getMessage());
    }

    private static void assertMessageNames(Exception e, Path file, String expected, String actual) {
        String message = e.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("expected SHA-256 " + expected), message);
        assertTrue(message.contains("found " + actual), message);
        assertTrue(message.contains("Debian package demo-data (1.0)"), message);
        assertTrue(message.contains("sudo apt-get install --reinstall demo-data"), message);
    }

    /** Six 4x5 images (pixel = 5 * row + col) with labels 0, 1, 2, 0, 1, 2, gzipped as in Debian's package. */
    private static PackagedFiles writeIdx(Path dir) throws IOException {
        try (DataOutputStream out = gzip(dir.resolve("images.gz"))) {
            out.writeInt(IdxFiles.IMAGES_MAGIC);
            out.writeInt(6);
            out.writeInt(4);
            out.writeInt(5);
            for (int i = 0; i < 6; i++) {
                for (int p = 0; p < 20; p++) {
                    out.writeByte(p);
                }
            }
        }
        try (DataOutputStream out = gzip(dir.resolve("labels.gz"))) {
            out.writeInt(IdxFiles.LABELS_MAGIC);
            out.writeInt(6);
            for (int i = 0; i < 6; i++) {
                out.writeByte(i % 3);
            }
        }
        return dataset(dir, Checksums.sha256(dir.resolve("images.gz")), Checksums.sha256(dir.resolve("labels.gz")));
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }

    private static PackagedFiles dataset(Path dir, String imagesSha, String labelsSha) {
        return new PackagedFiles("demo", "Demo data", "", "MIT", "", new PackageSource("apt", "demo-data", "1.0", dir.toString()),
                List.of(new PackagedFiles.DataFile("images.gz", imagesSha), new PackagedFiles.DataFile("labels.gz", labelsSha)));
    }
}
