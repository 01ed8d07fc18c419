package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FashionMnist;
import dev.tlkit.data.ImageSet;
import dev.tlkit.data.LabelSampling;
import dev.tlkit.data.LabelledSentences;
import dev.tlkit.data.SentenceSet;
import dev.tlkit.train.LinearProbe;
import org.junit.jupiter.api.Test;

/** One idea across image and text backbones: features, freezing, trainable counts, a new head. */
class BackboneTest {

    /** Written once against the interface, used below for images and for sentences. */
    static <I> double probeAccuracy(Backbone<I> backbone, I train, I test) {
        backbone.freeze();
        assertEquals(0, backbone.trainableParameters(), backbone.name() + " frozen");
        try (LinearProbe<I> probe = LinearProbe.fit(backbone, train, 1)) {
            return probe.predict(test).accuracy();
        }
    }

    @Test
    void aVisionBackboneAndTheSentenceEncoderAreProbedTheSameWay() {
        ImageSet images = FashionMnist.test().onlyClasses("target", Pretrain.TARGET_CLASSES);
        ImageSet train = images.select(LabelSampling.perClass(images.labels(), 5, 20, 1), "train");
        ImageSet test = images.head(500);
        try (VisionBackbone vision = VisionBackbone.load("fashion-source-cnn")) {
            assertEquals(3, vision.blockCount());
            assertTrue(probeAccuracy(vision, train, test) > 0.7);
            vision.unfreezeTop(1);
            assertTrue(vision.trainableParameters() > 0);
        }
        SentenceSet yelp = LabelledSentences.yelp();
        SentenceSet trainText = yelp.select(LabelSampling.perClass(yelp.labels(), 2, 32, 1));
        SentenceSet imdb = LabelledSentences.imdb().select(LabelSampling.perClass(LabelledSentences.imdb().labels(), 2, 100, 1));
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            assertEquals(SentenceEncoder.DIMENSION, encoder.features(trainText).dimension());
            assertEquals(SentenceSet.CLASS_NAMES, encoder.features(trainText).classNames());
            assertTrue(probeAccuracy(encoder, trainText, imdb) > 0.6);
        }
    }

    @Test
    void theOnnxEncoderSaysItCanOnlyBeUsedFrozen() {
        try (SentenceEncoder encoder = SentenceEncoder.miniLm()) {
            assertEquals(6, encoder.blockCount());
            encoder.unfreezeTop(0);
            UnsupportedOperationException error = assertThrows(UnsupportedOperationException.class, () -> encoder.unfreezeTop(1));
            assertTrue(error.getMessage().contains("LinearProbe"), error.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> encoder.withNewHead(2, 1));
            assertThrows(IllegalArgumentException.class, () -> encoder.unfreezeTop(7));
        }
    }
}
