package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The real data sets, as installed by ./kit setup, load with their published sizes and first labels. */
class PackagedDataTest {

    @Test
    void fashionMnist() {
        ImageSet train = FashionMnist.train();
        assertEquals(60000, train.size());
        assertEquals(28, train.height());
        assertEquals(9, train.label(0)); // the first training image is an ankle boot
        assertEquals(10000, FashionMnist.test().size());
    }

    @Test
    void mnist() {
        ImageSet train = Mnist.train();
        assertEquals(60000, train.size());
        assertEquals(5, train.label(0)); // the famous first "5"
        assertEquals(10000, Mnist.test().size());
    }

    @Test
    void labelledSentences() {
        for (String domain : LabelledSentences.DOMAINS) {
            SentenceSet set = LabelledSentences.domain(domain);
            assertEquals(1000, set.size(), domain);
            assertEquals(500, set.positives(), domain);
        }
    }
}
