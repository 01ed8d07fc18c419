package dev.tlkit.bench;

import com.google.gson.JsonObject;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Manifest;
import dev.tlkit.models.ImagenetMobileNet;
import dev.tlkit.notebooks.NodeScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Images per second of the ImageNet MobileNetV2's feature cache (96 px): the kit's DJL network at several batch
 * sizes (with the minor page faults per image, which show glibc's mmap regime), and TensorFlow.js on the same
 * weights, images and thread count. TensorFlow.js runs its WebAssembly backend (XNNPACK kernels): tfjs-node cannot
 * be installed here, as its install script downloads libtensorflow from a host outside the registries.
 */
public final class MobileNetThroughput {
    static final int[] BATCHES = {16, 32, 64, 128};

    /** What was measured: DJL at the kit's batch size, the batch sweep, TensorFlow.js, and how far the two differ. */
    public record Result(Measurement djl, List<Measurement> batchSweep, List<Double> faultsPerImage, Measurement tfjs,
                         String tfjsBackend, int tfjsThreads, double firstFeatureDifference) {
        public double djlVsTfjs() {
            return djl.median() / tfjs.median();
        }
    }

    private MobileNetThroughput() {
    }

    /**
     * Times DJL on {@code images} ({@code repeats} times), the batch sweep on the first {@code sweepImages}, and
     * TensorFlow.js once on the first {@code tfjsImages} (it is several times slower).
     */
    public static Result measure(ImageSet images, int tfjsImages, int sweepImages, int repeats, int threads,
                                 Path projectDir, Path work) {
        List<Double> rates = new ArrayList<>();
        List<Measurement> sweep = new ArrayList<>();
        List<Double> faults = new ArrayList<>();
        float[] first;
        try (ImagenetMobileNet net = ImagenetMobileNet.load(ImagenetMobileNet.DEFAULT_SIZE)) {
            first = net.features(images.head(1)).vector(0);
            net.features(images.head(8 * ImagenetMobileNet.BATCH));   // warm-up: the first batches allocate
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                net.features(images);
                rates.add(images.size() / ((System.nanoTime() - start) / 1e9));
            }
            ImageSet subset = images.head(sweepImages);
            for (int batch : BATCHES) {
                net.features(subset.head(batch), batch);
                long faultsBefore = minorFaults();
                long start = System.nanoTime();
                net.features(subset, batch);
                sweep.add(new Measurement("DJL features, batch " + batch, "img/s",
                        List.of(subset.size() / ((System.nanoTime() - start) / 1e9))));
                faults.add((minorFaults() - faultsBefore) / (double) subset.size());
            }
        }
        JsonObject tfjs = NodeScript.of(projectDir, "tfjs_mobilenet_speed.mjs")
                .run(request(images.head(tfjsImages), 1, threads, work), work, 3600);
        List<Double> tfjsRates = new ArrayList<>();
        tfjs.getAsJsonArray("images_per_second").forEach(v -> tfjsRates.add(v.getAsDouble()));
        double difference = 0;
        for (int i = 0; i < first.length; i++) {
            difference = Math.max(difference, Math.abs(first[i] - tfjs.getAsJsonArray("first").get(i).getAsDouble()));
        }
        return new Result(new Measurement("DJL features, batch " + ImagenetMobileNet.BATCH, "img/s", rates), sweep, faults,
                new Measurement("TensorFlow.js features, batch " + ImagenetMobileNet.BATCH, "img/s", tfjsRates),
                tfjs.get("backend").getAsString(), tfjs.get("threads").getAsInt(), difference);
    }

    private static Map<String, Object> request(ImageSet images, int repeats, int threads, Path work) {
        byte[] pixels = new byte[images.size() * images.height() * images.width()];
        int p = 0;
        for (int i = 0; i < images.size(); i++) {
            for (int y = 0; y < images.height(); y++) {
                for (int x = 0; x < images.width(); x++) {
                    pixels[p++] = (byte) images.pixel(i, y, x);
                }
            }
        }
        Path file = work.resolve("mobilenet-images.u8");
        try {
            Files.createDirectories(work);
            Files.write(file, pixels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelDir", Manifest.load().model(ImagenetMobileNet.NAME).source().location().toString());
        request.put("size", ImagenetMobileNet.DEFAULT_SIZE);
        request.put("backend", "wasm");
        request.put("threads", threads);
        request.put("imagesFile", file.toString());
        request.put("count", images.size());
        request.put("batch", ImagenetMobileNet.BATCH);
        request.put("repeats", repeats);
        return request;
    }

    /** Minor page faults of this process so far (field 10 of /proc/self/stat); 0 where there is no /proc. */
    static long minorFaults() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
