package dev.tlkit.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlkit.data.FeatureSet;
import dev.tlkit.data.Task;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {
    /** 6 "source" examples, then 10 of a new domain: 5 per class. */
    private static final FeatureSet POOL = new FeatureSet("pool", new float[16][1],
            new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, List.of("a", "b"));

    @Test
    void keepFirstTrainsOnTheSourceAloneAtZeroAndAddsKPerClassOfTheRest() {
        Experiment.Sampler<FeatureSet> sampler = Samplers.keepFirst(6);
        int[] none = sampler.draw(POOL, 0, 1).indices().orElseThrow();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, none);
        int[] two = sampler.draw(POOL, 2, 1).indices().orElseThrow();
        assertEquals(10, two.length);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, Arrays.copyOf(two, 6));
        int[] added = Arrays.copyOfRange(two, 6, 10);
        assertTrue(Arrays.stream(added).allMatch(i -> i >= 6), "the k per class come from the rest of the pool");
        assertEquals(2, Arrays.stream(added).filter(i -> POOL.label(i) == 0).count());
        assertArrayEquals(two, sampler.draw(POOL, 2, 1).indices().orElseThrow(), "the same seed, the same draw");
        assertThrows(IllegalArgumentException.class, () -> Samplers.<FeatureSet>keepFirst(17).draw(POOL, 1, 1));
    }

    @Test
    void zeroLabelsPerClassIsAllowedNegativeIsNot() {
        Experiment<FeatureSet> experiment = Experiment.of(Task.of("t", "t", () -> POOL, () -> POOL));
        experiment.labelsPerClass(0, 1);
        assertThrows(IllegalArgumentException.class, () -> experiment.labelsPerClass(-1));
    }
}
