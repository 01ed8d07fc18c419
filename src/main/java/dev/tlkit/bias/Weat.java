package dev.tlkit.bias;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Word Embedding Association Test (Caliskan, Bryson and Narayanan, Science 2017): do the
 * embeddings of two sets of target words X and Y (e.g. flowers, insects) sit differently close to
 * two sets of attribute words A and B (e.g. pleasant, unpleasant)?
 * <p>
 * For a word w, {@code s(w) = mean cos(w, a) - mean cos(w, b)}. The effect size is
 * {@code (mean over X of s - mean over Y of s) / standard deviation of s over X and Y} (sample
 * standard deviation, n - 1). The one-sided p-value is the share of equal-size re-partitions of
 * X and Y whose statistic {@code sum over X of s - sum over Y of s} is at least the observed one:
 * exact when there are at most 20,000 partitions, else estimated from random ones (with the
 * observed partition counted, so p is never 0).
 */
public final class Weat {

    /** One test's word lists, as published. */
    public record WordLists(String id, String description, String xName, List<String> x, String yName,
                            List<String> y, String aName, List<String> a, String bName, List<String> b) {
    }

    /** A test's outcome. */
    public record Result(String id, String description, double effectSize, double pValue, int partitions,
                         boolean exact) {
    }

    private record Published(String source, List<WordLists> tests) {
    }

    private Weat() {
    }

    /** The word lists of Caliskan et al. 2017 shipped with the kit (WEAT 1, 6, 7 and 8). */
    public static List<WordLists> published() {
        try (InputStream in = Weat.class.getResourceAsStream("weat-word-lists.json")) {
            if (in == null) {
                throw new IllegalStateException("weat-word-lists.json is missing from the kit's jar: rebuild with ./kit build");
            }
            return new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), Published.class).tests();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published test with this id, e.g. "WEAT 1". */
    public static WordLists published(String id) {
        return published().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no published test '" + id + "'; there are "
                        + published().stream().map(WordLists::id).toList()));
    }

    /** Runs the test with word vectors from {@code embed}; {@code samples} random partitions if not exact. */
    /** Every published test on one encoder, in the order of {@link #published()}. */
    public static List<Result> testPublished(Function<String, float[]> embed, int samples, long seed) {
        return published().stream().map(lists -> test(lists, embed, samples, seed)).toList();
    }

    public static Result test(WordLists lists, Function<String, float[]> embed, int samples, long seed) {
        requireWords(lists);
        double[][] x = vectors(lists.x(), embed);
        double[][] y = vectors(lists.y(), embed);
        double[][] a = vectors(lists.a(), embed);
        double[][] b = vectors(lists.b(), embed);
        double[] s = new double[x.length + y.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = association(x[i], a, b);
        }
        for (int i = 0; i < y.length; i++) {
            s[x.length + i] = association(y[i], a, b);
        }
        double effect = effectSize(s, x.length);
        double observed = statistic(s, firstN(s.length, x.length));
        long total = binomial(s.length, x.length);
        int atLeast = 0;
        int partitions;
        boolean exact = total <= 20_000;
        if (exact) {
            atLeast = countAtLeast(s, new boolean[s.length], 0, x.length, observed);
            partitions = (int) total;
        } else {
            Random random = new Random(seed);
            int[] order = new int[s.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int r = 0; r < samples; r++) {
                dev.tlkit.data.Shuffling.shuffle(order, random);
                boolean[] inX = new boolean[s.length];
                for (int i = 0; i < x.length; i++) {
                    inX[order[i]] = true;
                }
                atLeast += statistic(s, inX) >= observed - 1e-12 ? 1 : 0;
            }
            atLeast += 1;
            partitions = samples + 1;
        }
        return new Result(lists.id(), lists.description(), effect, (double) atLeast / partitions, partitions, exact);
    }

    /** Mean cosine to A minus mean cosine to B. */
    static double association(double[] w, double[][] a, double[][] b) {
        return meanCosine(w, a) - meanCosine(w, b);
    }

    static double effectSize(double[] s, int xCount) {
        int n = s.length;
        double meanX = 0;
        double meanY = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            if (i < xCount) {
                meanX += s[i] / xCount;
            } else {
                meanY += s[i] / (n - xCount);
            }
            mean += s[i] / n;
        }
        double squares = 0;
        for (double v : s) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        if (sd == 0) {
            throw new IllegalArgumentException("every target word has the same association: the effect size is undefined");
        }
        return (meanX - meanY) / sd;
    }

    private static double statistic(double[] s, boolean[] inX) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += inX[i] ? s[i] : -s[i];
        }
        return sum;
    }

    private static boolean[] firstN(int n, int k) {
        boolean[] in = new boolean[n];
        for (int i = 0; i < k; i++) {
            in[i] = true;
        }
        return in;
    }

    /** Over every way to complete {@code current} with {@code left} more members of X: how many reach {@code observed}. */
    private static int countAtLeast(double[] s, boolean[] current, int from, int left, double observed) {
        if (left == 0) {
            return statistic(s, current) >= observed - 1e-12 ? 1 : 0;
        }
        int count = 0;
        for (int i = from; i <= current.length - left; i++) {
            current[i] = true;
            count += countAtLeast(s, current, i + 1, left - 1, observed);
            current[i] = false;
        }
        return count;
    }

    private static long binomial(int n, int k) {
        long result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (result > Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
        }
        return result;
    }

    private static double meanCosine(double[] w, double[][] others) {
        double sum = 0;
        for (double[] o : others) {
            sum += cosine(w, o);
        }
        return sum / others.length;
    }

    static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double[][] vectors(List<String> words, Function<String, float[]> embed) {
        double[][] out = new double[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            float[] v = embed.apply(words.get(i));
            out[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                out[i][j] = v[j];
            }
        }
        return out;
    }

    private static void requireWords(WordLists lists) {
        if (lists.x().isEmpty() || lists.y().isEmpty() || lists.a().isEmpty() || lists.b().isEmpty()) {
            throw new IllegalArgumentException(lists.id() + ": every word list needs at least one word");
        }
        if (lists.x().size() + lists.y().size() < 3) {
            throw new IllegalArgumentException(lists.id() + ": the effect size needs at least three target words");
        }
    }

    /** The results as a table. */
    public static Table table(List<Result> results) {
        return dev.tlkit.viz.Tables.decimals(Table.create("Word Embedding Association Tests",
                StringColumn.create("test", results.stream().map(Result::id).toList()),
                StringColumn.create("targets and attributes", results.stream().map(Result::description).toList()),
                DoubleColumn.create("effect size d", results.stream().mapToDouble(Result::effectSize).toArray()),
                DoubleColumn.create("p-value (one-sided)", results.stream().mapToDouble(Result::pValue).toArray()),
                IntColumn.create("partitions", results.stream().mapToInt(Result::partitions).toArray())), 4);
    }
}
