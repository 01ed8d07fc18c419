package dev.tlkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TasksTest {

    /** 30 one-pixel images, 10 of each of 3 classes, each image's pixel its own index. */
    private static ImageSet numbered() {
        byte[] pixels = new byte[30];
        for (int i = 0; i < 30; i++) {
            pixels[i] = (byte) i;
        }
        return ImageSet.of("numbered", pixels, 30, 1, 1, IntStream.range(0, 30).map(i -> i % 3).toArray(), List.of("a", "b", "c"));
    }

    private static int[] ids(ImageSet set) {
        return IntStream.range(0, set.size()).map(i -> set.pixel(i, 0, 0)).sorted().toArray();
    }

    @Test
    void aFixedSampleAndItsRestSplitTheSetWithoutOverlap() {
        ImageSet all = numbered();
        ImageSet sample = Tasks.fixedSample(all, 4, "sample");
        ImageSet rest = Tasks.rest(all, 4, "rest");
        assertArrayEquals(new int[] {4, 4, 4}, sample.classCounts());
        assertArrayEquals(new int[] {6, 6, 6}, rest.classCounts());
        int[] both = IntStream.concat(Arrays.stream(ids(sample)), Arrays.stream(ids(rest))).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 30).toArray(), both, "every image in exactly one of the two");
        assertArrayEquals(ids(sample), ids(Tasks.fixedSample(all, 4, "again")), "always the same images");
    }

    @Test
    void theDigitTaskValidatesOnDigitsItNeverTestsOn() {
        Task<ImageSet> task = Tasks.mnistDigits();
        ImageSet test = task.test(), validation = task.validation();
        assertEquals(2000, test.size());
        assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 100, 100, 100}, validation.classCounts());
        Set<String> tested = new HashSet<>();
        for (int i = 0; i < test.size(); i++) {
            tested.add(Arrays.toString(test.imageAsFloats(i)));
        }
        long shared = IntStream.range(0, validation.size()).filter(i -> tested.contains(Arrays.toString(validation.imageAsFloats(i)))).count();
        assertEquals(0, shared, "validation digits that are also test digits");
    }

    @Test
    void heldOutReviewsAreNeverInTheTrainingPool() {
        Task<SentenceSet> task = Tasks.reviewsWithHeldOut("yelp", "imdb", 100);
        SentenceSet pool = task.train(), heldOut = task.validation();
        assertArrayEquals(new int[] {100, 100}, heldOut.classCounts());
        assertEquals(LabelledSentences.yelp().size() - 4, pool.size() + heldOut.size(), "the held-out texts' 4 repeats left out");
        Set<String> trainable = new HashSet<>(pool.texts());
        assertEquals(0, heldOut.texts().stream().filter(trainable::contains).count(), "held-out reviews in the pool");
        assertEquals("imdb", task.test().domain());
    }
}
