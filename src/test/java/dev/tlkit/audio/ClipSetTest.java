package dev.tlkit.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlkit.data.LabelShuffling;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipSetTest {
    private static final Voice VOICE = Voice.espeak("en-us", "American English", 50, 160);
    private static final ClipSet SET = new ClipSet("words", List.of(clip("yes", 1), clip("no", 2), clip("yes", 3),
            clip("stop", 4), clip("no", 5), clip("stop", 6)), List.of("yes", "no", "stop"));

    private static Clip clip(String word, int sound) {
        return new Clip(word, VOICE, new short[] {(short) sound});
    }

    @Test
    void shuffledLabelsMoveAmongTheSameSounds() {
        ClipSet shuffled = SET.withLabels(LabelShuffling.shuffledLabels(SET, 7), "words, labels shuffled");
        int[] counts = new int[3], shuffledCounts = new int[3];
        Arrays.stream(SET.labels()).forEach(l -> counts[l]++);
        Arrays.stream(shuffled.labels()).forEach(l -> shuffledCounts[l]++);
        assertArrayEquals(counts, shuffledCounts, "every word keeps its number of clips");
        for (int i = 0; i < SET.size(); i++) {
            assertSame(SET.clip(i).samples(), shuffled.clip(i).samples(), "the sounds stay where they were");
            assertEquals(shuffled.classNames().get(shuffled.label(i)), shuffled.clip(i).word());
        }
        assertArrayEquals(shuffled.labels(), SET.withLabels(LabelShuffling.shuffledLabels(SET, 7), "again").labels(),
                "the same seed shuffles the same way");
    }

    @Test
    void labelsMustMatchTheClips() {
        assertThrows(IllegalArgumentException.class, () -> SET.withLabels(new int[] {0, 1}, "too few"));
    }
}
