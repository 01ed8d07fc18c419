package dev.tlkit.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.tlkit.data.SentenceSet;
import dev.tlkit.models.MiniLm;
import dev.tlkit.models.SentenceEncoder;
import dev.tlkit.nn.Network;
import dev.tlkit.nn.TokenExamples;
import dev.tlkit.notebooks.PythonScript;
import dev.tlkit.train.Fit;
import dev.tlkit.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MiniLM in DJL against the runtimes it can be compared with on the same weights and sentences: ONNX Runtime for
 * inference (the kit's {@link SentenceEncoder}), Python PyTorch ({@code torch_bert.py}, Debian's python3-torch) for
 * inference and for training the top 2 or all 6 layers plus a head (batch 16, Adam).
 */
public final class TransformerThroughput {
    private static final PythonScript SCRIPT = PythonScript.of("/dev/tlkit/bench/torch_bert.py");
    static final int TRAINING_BATCH = 16;

    /** Sentences per second of each runtime and set-up. */
    public record Result(Measurement djlForward, Measurement onnxForward, Measurement djlTop2, Measurement djlAll6,
                         Measurement torchForward, Measurement torchTop2, Measurement torchAll6, String torchVersion) {
        public double forwardVsOnnx() {
            return djlForward.median() / onnxForward.median();
        }

        public double forwardVsTorch() {
            return djlForward.median() / torchForward.median();
        }

        public double trainingVsTorch() {
            return djlAll6.median() / torchAll6.median();
        }
    }

    private TransformerThroughput() {
    }

    /** Each figure from {@code repeats} timed passes over {@code sentences} after a warm-up pass. */
    public static Result measure(SentenceSet sentences, int repeats, int threads, Path workDir) throws IOException {
        Measurement onnx;
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            onnx = rate("MiniLM inference, ONNX Runtime, batch " + SentenceEncoder.BATCH, sentences, repeats,
                    () -> encoder.encode(sentences.texts()));
        }
        Measurement forward;
        Measurement top2;
        Measurement all6;
        TokenExamples tokens;
        try (MiniLm miniLm = MiniLm.load()) {
            tokens = (TokenExamples) miniLm.examples(sentences);
            forward = rate("MiniLM inference, DJL, batch " + MiniLm.BATCH, sentences, repeats,
                    () -> miniLm.encode(sentences.texts()));
            top2 = training(miniLm, tokens, 2, repeats);
            all6 = training(miniLm, tokens, 6, repeats);
        }
        Path tokenFile = workDir.resolve("minilm-tokens.json");
        Files.createDirectories(workDir);
        Files.writeString(tokenFile, tokenJson(tokens));
        JsonObject torch = SCRIPT.jsonOutput(List.of("--onnx", MiniLm.onnxFile().toString(),
                "--tokens", tokenFile.toString(), "--threads", String.valueOf(threads),
                "--repeats", String.valueOf(repeats), "--inference-batch", String.valueOf(MiniLm.BATCH)), Map.of(), 3600);
        return new Result(forward, onnx, top2, all6,
                samples(torch, "forward", "MiniLM inference, Python PyTorch, batch " + MiniLm.BATCH),
                samples(torch, "train_top2_batch16", "MiniLM training top 2 layers, Python PyTorch, batch 16"),
                samples(torch, "train_all6_batch16", "MiniLM training all 6 layers, Python PyTorch, batch 16"),
                torch.get("torch").getAsString());
    }

    private static Measurement rate(String name, SentenceSet sentences, int repeats, Runnable pass) {
        pass.run();
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            pass.run();
            rates.add(sentences.size() / ((System.nanoTime() - start) / 1e9));
        }
        return new Measurement(name, "sentences/s", rates);
    }

    /** One epoch per repeat (after a warm-up epoch): the top {@code layers} layers and a new head, Adam at 1e-4. */
    private static Measurement training(MiniLm pretrained, TokenExamples tokens, int layers, int repeats) {
        try (MiniLm model = pretrained.copy().unfreezeTop(layers); Network net = model.withNewHead(2, 1)) {
            TrainingHistory history = Fit.of(net).learningRate(1e-4).batchSize(TRAINING_BATCH).epochs(repeats + 1)
                    .seed(1).quietly().on(tokens);
            return new Measurement("MiniLM training top " + layers + " layers, DJL, batch " + TRAINING_BATCH,
                    "sentences/s", CnnTraining.afterWarmUp(history).stream().map(s -> tokens.size() / s).toList());
        }
    }

    private static String tokenJson(TokenExamples tokens) {
        long[][] ids = new long[tokens.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokens.ids(i);
        }
        return new Gson().toJson(Map.of("ids", ids, "labels", tokens.labels()));
    }

    private static Measurement samples(JsonObject json, String key, String name) {
        List<Double> rates = new ArrayList<>();
        json.getAsJsonArray(key).forEach(v -> rates.add(v.getAsDouble()));
        return new Measurement(name, "sentences/s", rates);
    }
}
