package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;
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
}
