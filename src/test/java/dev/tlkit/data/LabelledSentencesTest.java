package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LabelledSentencesTest {

    @Test
    void parsesAndSkipsEmptyEntries() {
        SentenceSet set = LabelledSentences.parse("demo",
                new StringReader("[{\"text\":\"Great food.\",\"class\":1},{\"text\":\"\",\"class\":0},{\"text\":\" Awful. \",\"class\":0}]"));
        assertEquals(List.of("Great food.", "Awful."), set.texts());
        assertArrayEquals(new int[] {1, 0}, set.labels());
        assertEquals(1, set.positives());
    }

    @Test
    void rejectsALabelThatIsNotBinary() {
        assertThrows(IllegalArgumentException.class,
                () -> LabelledSentences.parse("demo", new StringReader("[{\"text\":\"x\",\"class\":2}]")));
    }

    @Test
    void rejectsAnUnknownDomain() {
        assertThrows(IllegalArgumentException.class, () -> LabelledSentences.domain("twitter"));
    }

    @Test
    void shufflingPermutesTheLabelsAndKeepsTheTextsInOrder() {
        SentenceSet yelp = LabelledSentences.yelp().samplePerClass(32, 1);
        SentenceSet shuffled = LabelShuffling.shuffle(yelp, 7, "yelp, labels shuffled");
        assertEquals(yelp.texts(), shuffled.texts());
        assertArrayEquals(yelp.classCounts(), shuffled.classCounts());
        long moved = IntStream.range(0, yelp.size()).filter(i -> yelp.label(i) != shuffled.label(i)).count();
        assertTrue(moved > 10, moved + " labels moved");
        assertEquals(shuffled.labels()[5], LabelShuffling.shuffle(yelp, 7, "again").label(5), "the seed decides");
    }
}
