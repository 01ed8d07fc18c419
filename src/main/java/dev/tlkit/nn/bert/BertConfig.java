package dev.tlkit.nn.bert;

/**
 * The sizes of a BERT encoder in Hugging Face's layout ({@code config.json} of a {@code BertModel}).
 *
 * @param layerNormEpsilon added to the variance in every LayerNorm (BERT: 1e-12)
 */
public record BertConfig(int vocabularySize, int hidden, int layers, int heads, int intermediate, int maxPositions,
                         int typeVocabularySize, float layerNormEpsilon) {

    public BertConfig {
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("the hidden size " + hidden + " must split evenly into " + heads + " heads");
        }
    }

    /** all-MiniLM-L6-v2: 6 layers of 12 heads, hidden 384, intermediate 1536, BERT's uncased word pieces. */
    public static BertConfig miniLmL6() {
        return new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
    }

    public int headSize() {
        return hidden / heads;
    }
}
