package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {

    @Test
    void readsPlainAndGzippedImagesAndLabels(@TempDir Path dir) throws IOException {
        byte[] pixels = {0, 1, 2, 3, 4, 5, (byte) 200, (byte) 255};
        for (String suffix : new String[] {"", ".gz"}) {
            Path images = dir.resolve("img" + suffix);
            Path labels = dir.resolve("lbl" + suffix);
            write(images, IdxFiles.IMAGES_MAGIC, new int[] {2, 2, 2}, pixels);
            write(labels, IdxFiles.LABELS_MAGIC, new int[] {2}, new byte[] {7, (byte) 255});
            IdxFiles.Images read = IdxFiles.readImages(images);
            assertEquals(2, read.count());
            assertEquals(2, read.rows());
            assertEquals(2, read.cols());
            assertArrayEquals(pixels, read.pixels());
            assertArrayEquals(new int[] {7, 255}, IdxFiles.readLabels(labels));
        }
    }

    @Test
    void aLabelFileIsNotAnImageFile(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("lbl");
        write(labels, IdxFiles.LABELS_MAGIC, new int[] {1}, new byte[] {1});
        assertThrows(IllegalArgumentException.class, () -> IdxFiles.readImages(labels));
    }

    @Test
    void aTruncatedFileFails(@TempDir Path dir) throws IOException {
        Path images = dir.resolve("img");
        write(images, IdxFiles.IMAGES_MAGIC, new int[] {3, 2, 2}, new byte[5]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxFiles.readImages(images));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(images + " is truncated: its header promises"
                + " 3 images of 2x2 pixels"), e.getMessage());
    }

    private static void write(Path file, int magic, int[] dims, byte[] body) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        try (DataOutputStream out = new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
        }
    }
}
