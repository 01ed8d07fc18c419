package dev.tlkit.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Sentences as a transformer reads them: token ids (word pieces, [CLS] and [SEP] included) per sentence. A batch
 * gives (ids, attention mask), both (batch, longest sentence in the batch) int64, padded with id 0 and mask 0.
 * Inference walks the sentences shortest first, so a batch holds sentences of similar length and little padding.
 */
public final class TokenExamples implements Examples {
    /**
     * Sentences per inference batch: attention holds batch x heads x length x length scores, so 64 long IMDb sentences
     * took 400 MB (measured), which the allocator then kept.
     */
    public static final int INFERENCE_BATCH = 16;

    private final long[][] ids;
    private final int[] labels;
    private final List<String> classNames;

    /** {@code ids[i]} are sentence i's token ids, {@code labels[i]} its class. */
    public TokenExamples(long[][] ids, int[] labels, List<String> classNames) {
        if (ids.length != labels.length) {
            throw new IllegalArgumentException(ids.length + " sentences but " + labels.length + " labels");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].length == 0) {
                throw new IllegalArgumentException("sentence " + i + " has no tokens");
            }
        }
        this.ids = ids.clone();
        this.labels = labels.clone();
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public int label(int index) {
        return labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** Tokens per sentence vary: (-1). */
    @Override
    public Shape exampleShape() {
        return new Shape(-1);
    }

    /** The token ids of sentence {@code index}. */
    public long[] ids(int index) {
        return ids[index].clone();
    }

    /** The number of tokens of sentence {@code index}. */
    public int length(int index) {
        return ids[index].length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices, Random random) {
        int longest = Arrays.stream(indices).map(i -> ids[i].length).max().orElse(1);
        long[] batch = new long[indices.length * longest];
        long[] mask = new long[indices.length * longest];
        for (int row = 0; row < indices.length; row++) {
            long[] sentence = ids[indices[row]];
            System.arraycopy(sentence, 0, batch, row * longest, sentence.length);
            Arrays.fill(mask, row * longest, row * longest + sentence.length, 1L);
        }
        Shape shape = new Shape(indices.length, longest);
        NDArray idArray = manager.create(batch, shape);
        NDArray maskArray = manager.create(mask, shape);
        return new NDList(idArray, maskArray);
    }

    @Override
    public int inferenceBatch() {
        return INFERENCE_BATCH;
    }

    /** Shortest sentences first (ties in the given order). */
    @Override
    public int[] inferenceOrder() {
        return Arrays.stream(Batches.range(ids.length)).boxed().sorted(Comparator.comparingInt(i -> ids[i].length))
                .mapToInt(Integer::intValue).toArray();
    }
}
