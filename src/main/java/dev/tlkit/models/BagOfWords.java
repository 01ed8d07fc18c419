package dev.tlkit.models;

import ai.djl.modality.nlp.DefaultVocabulary;
import ai.djl.modality.nlp.preprocess.LowerCaseConvertor;
import ai.djl.modality.nlp.preprocess.PunctuationSeparator;
import ai.djl.modality.nlp.preprocess.SimpleTokenizer;
import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.SentenceSet;
import java.util.List;

/**
 * The classic baseline for text: a sentence becomes a vector of word counts over the vocabulary of
 * the training sentences (DJL's tokenizer and vocabulary). Words never seen in training are ignored,
 * which is exactly why it transfers poorly to a new domain. Fitted on training sentences, it is a feature
 * extractor like a pre-trained encoder, so a linear probe trains on it the same way.
 */
public final class BagOfWords implements FeatureExtractor<SentenceSet> {
    private static final String UNKNOWN = "<unk>";
    private final DefaultVocabulary vocabulary;

    private BagOfWords(DefaultVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The vocabulary of the training sentences. */
    public static BagOfWords fit(SentenceSet train) {
        return ofTexts(train.texts());
    }

    /** The vocabulary of {@code sentences} (lower-cased words and punctuation). */
    public static BagOfWords ofTexts(List<String> sentences) {
        return new BagOfWords(DefaultVocabulary.builder().optMinFrequency(1).optUnknownToken(UNKNOWN)
                .addAll(sentences.stream().map(BagOfWords::words).toList()).build());
    }

    static List<String> words(String sentence) {
        List<String> tokens = new SimpleTokenizer().tokenize(sentence);
        return new LowerCaseConvertor().preprocess(new PunctuationSeparator().preprocess(tokens));
    }

    /** Vocabulary size, the length of every vector (the unknown-word slot stays empty). */
    public int size() {
        return (int) vocabulary.size();
    }

    @Override
    public String name() {
        return "bag of words";
    }

    @Override
    public int featureSize() {
        return size();
    }

    @Override
    public FeatureSet features(SentenceSet sentences) {
        return FeatureSet.of(sentences, vectors(sentences.texts()));
    }

    /** The share of the words of {@code sentences} that the vocabulary knows. */
    public double coverage(SentenceSet sentences) {
        return coverage(sentences.texts());
    }

    @Override
    public void close() {
        // nothing native to release
    }

    /** Word counts of {@code sentence}, one slot per vocabulary word. */
    public float[] vector(String sentence) {
        float[] counts = new float[size()];
        for (String word : words(sentence)) {
            if (vocabulary.contains(word)) {
                counts[(int) vocabulary.getIndex(word)]++;
            }
        }
        return counts;
    }

    public float[][] vectors(List<String> sentences) {
        return sentences.stream().map(this::vector).toArray(float[][]::new);
    }

    /** The share of the words of {@code sentences} that the vocabulary knows. */
    public double coverage(List<String> sentences) {
        long known = 0;
        long all = 0;
        for (String s : sentences) {
            for (String w : words(s)) {
                all++;
                if (vocabulary.contains(w)) {
                    known++;
                }
            }
        }
        return all == 0 ? 0 : known / (double) all;
    }
}
