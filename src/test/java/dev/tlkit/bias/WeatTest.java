package dev.tlkit.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The association test against a case small enough to compute by hand. */
class WeatTest {
    private static final Map<String, float[]> VECTORS = Map.of(
            "x1", new float[] {1, 0}, "x2", new float[] {0.8f, 0.6f}, "y1", new float[] {0, 1},
            "a1", new float[] {1, 0}, "b1", new float[] {0, 1});

    @Test
    void effectSizeAndExactPValueMatchHandComputedValues() {
        Weat.WordLists lists = new Weat.WordLists("toy", "toy", "X", List.of("x1", "x2"), "Y", List.of("y1"),
                "A", List.of("a1"), "B", List.of("b1"));
        Weat.Result r = Weat.test(lists, VECTORS::get, 100, 1);
        // s(x1) = 1 - 0, s(x2) = 0.8 - 0.6 (cosines of float 0.8/0.6), s(y1) = 0 - 1
        double sx2 = cos(0.8f, 0.6f, 1, 0) - cos(0.8f, 0.6f, 0, 1);
        double[] s = {1, sx2, -1};
        double mean = (s[0] + s[1] + s[2]) / 3;
        double sd = Math.sqrt(((s[0] - mean) * (s[0] - mean) + (s[1] - mean) * (s[1] - mean)
                + (s[2] - mean) * (s[2] - mean)) / 2);
        assertEquals(((s[0] + s[1]) / 2 - s[2]) / sd, r.effectSize(), 1e-9);
        // partitions {x1,x2|y1} (observed, 2.2), {x1,y1|x2} (-0.2), {x2,y1|x1} (-1.8): p = 1/3
        assertEquals(1.0 / 3.0, r.pValue(), 1e-9);
        assertEquals(3, r.partitions());
        assertTrue(r.exact());
    }

    private static double cos(float ax, float ay, float bx, float by) {
        return (ax * (double) bx + ay * (double) by) / Math.sqrt((ax * (double) ax + ay * (double) ay) * (bx * (double) bx + by * (double) by));
    }

    @Test
    void swappingTheTargetsFlipsTheEffect() {
        Weat.WordLists lists = new Weat.WordLists("toy", "toy", "X", List.of("y1"), "Y", List.of("x1", "x2"),
                "A", List.of("a1"), "B", List.of("b1"));
        Weat.Result r = Weat.test(lists, VECTORS::get, 100, 1);
        assertTrue(r.effectSize() < 0);
        assertEquals(1.0, r.pValue(), 1e-9);
    }

    @Test
    void thePublishedListsHaveTheirPublishedSizes() {
        assertEquals(List.of("WEAT 1", "WEAT 6", "WEAT 7", "WEAT 8"), Weat.published().stream().map(Weat.WordLists::id).toList());
        Weat.WordLists flowers = Weat.published("WEAT 1");
        assertEquals(25, flowers.x().size());
        assertEquals(25, flowers.b().size());
        assertEquals(8, Weat.published("WEAT 7").a().size());
        assertThrows(IllegalArgumentException.class, () -> Weat.published("WEAT 99"));
    }

    @Test
    void largeTestsAreSampledReproducibly() {
        Weat.WordLists flowers = Weat.published("WEAT 1");
        java.util.function.Function<String, float[]> embed = w -> new float[] {w.length(), w.charAt(0), 1};
        Weat.Result a = Weat.test(flowers, embed, 500, 7);
        Weat.Result b = Weat.test(flowers, embed, 500, 7);
        assertEquals(a, b);
        assertEquals(501, a.partitions());
        assertTrue(a.pValue() > 0 && a.pValue() <= 1);
    }
}
