package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.ImageSet;
import dev.tlkit.data.LabelledSentences;
import dev.tlkit.data.SentenceSet;
import dev.tlkit.data.Tasks;
import dev.tlkit.train.LinearProbe;
import org.junit.jupiter.api.Test;

/** One idea across image and text models: frozen features and a linear probe, written once. */
class BackboneTest {

    /** Written once against the interface, used below for images and for sentences. */
    static <S> double probeAccuracy(FeatureExtractor<S> extractor, S train, S test) {
        try (LinearProbe<S> probe = LinearProbe.fit(extractor, train, 1)) {
            return probe.predict(test).accuracy();
        }
    }

    @Test
    void aVisionBackboneAndTheSentenceEncoderAreProbedTheSameWay() {
        ImageSet images = Tasks.fashionClothesToRest().test();
        ImageSet train = images.samplePerClass(20, 1);
        ImageSet test = images.head(500);
        try (VisionBackbone vision = VisionBackbone.load("fashion-source-cnn")) {
            assertEquals(3, vision.blockCount());
            vision.freeze();
            assertEquals(0, vision.trainableParameters());
            assertTrue(probeAccuracy(vision, train, test) > 0.7);
            vision.unfreezeTop(1);
            assertTrue(vision.trainableParameters() > 0);
        }
        SentenceSet yelp = LabelledSentences.yelp();
        SentenceSet trainText = yelp.samplePerClass(32, 1);
        SentenceSet imdb = LabelledSentences.imdb().samplePerClass(100, 1);
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            assertEquals(SentenceEncoder.DIMENSION, encoder.features(trainText).dimension());
            assertEquals(SentenceSet.CLASS_NAMES, encoder.features(trainText).classNames());
            assertTrue(probeAccuracy(encoder, trainText, imdb) > 0.6);
        }
    }

    @Test
    void theOnnxEncoderIsAFeatureExtractorOnlyAndDoesNotPretendToTrain() {
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            FeatureExtractor<SentenceSet> extractor = encoder;
            assertFalse(extractor instanceof FineTunable, "the ONNX encoder cannot be trained and must not claim to");
        }
    }
}
