package dev.tlkit.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BagOfWordsTest {

    @Test
    void countsKnownWordsAndIgnoresNewOnes() {
        BagOfWords bow = BagOfWords.ofTexts(List.of("Great food!", "Bad food."));
        float[] v = bow.vector("great GREAT food, terrible service");
        float sum = 0;
        for (float x : v) {
            sum += x;
        }
        assertEquals(3, sum, "great x2 and food; 'terrible' and 'service' are unknown");
        assertArrayEquals(new float[bow.size()], bow.vector("nothing known here"));
        assertEquals(0.5, bow.coverage(List.of("great movie")), 1e-12);
    }
}
