package dev.tlkit.bias;

import dev.tlkit.data.ImageSet;
import dev.tlkit.data.Shuffling;
import dev.tlkit.viz.ImageGrid;
import dev.tlkit.viz.Showable;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Images with a group attribute per image. The kit's group attribute is one it controls: group A
 * images are as photographed, group B images are intensity-inverted (a dark garment on a light
 * background) — a visual sub-population a model can under-serve if it rarely saw it.
 */
public record GroupedImages(ImageSet images, String[] groups) implements Showable {
    /** Images as photographed. */
    public static final String NORMAL = "A: normal";
    /** Intensity-inverted images. */
    public static final String INVERTED = "B: inverted";

    public GroupedImages {
        if (groups.length != images.size()) {
            throw new IllegalArgumentException(images.name() + ": " + images.size() + " images but " + groups.length
                    + " group labels");
        }
    }

    /**
     * The set with a random {@code share} of its images (chosen with {@code seed}) inverted, e.g.
     * 0.02 for a source where group B is rare, 0.5 for a balanced one.
     */
    public static GroupedImages withInvertedShare(ImageSet set, double share, long seed, String newName) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the share of inverted images must be in [0, 1], got " + share);
        }
        int[] order = IntStream.range(0, set.size()).toArray();
        Random random = new Random(seed);
        Shuffling.shuffle(order, random);
        int[] inverted = Arrays.copyOf(order, (int) Math.round(share * set.size()));
        String[] groups = new String[set.size()];
        Arrays.fill(groups, NORMAL);
        for (int i : inverted) {
            groups[i] = INVERTED;
        }
        return new GroupedImages(set.invert(inverted, newName), groups);
    }

    /**
     * Every image twice: first as is (group A), then inverted (group B). Testing on both versions
     * of the same images measures the group gap without any difference in content.
     */
    public static GroupedImages bothVersions(ImageSet set, String newName) {
        int n = set.size();
        int[] second = IntStream.range(n, 2 * n).toArray();
        ImageSet doubled = set.select(IntStream.range(0, 2 * n).map(i -> i % n).toArray(), newName).invert(second, newName);
        String[] groups = new String[2 * n];
        Arrays.fill(groups, 0, n, NORMAL);
        Arrays.fill(groups, n, 2 * n, INVERTED);
        return new GroupedImages(doubled, groups);
    }

    public int size() {
        return groups.length;
    }

    /** The images at {@code indices} with their groups. */
    public GroupedImages select(int[] indices, String newName) {
        String[] selected = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            selected[i] = groups[indices[i]];
        }
        return new GroupedImages(images.select(indices, newName), selected);
    }

    /** The distinct groups in order of first appearance. */
    public List<String> groupNames() {
        List<String> names = new ArrayList<>();
        for (String g : groups) {
            if (!names.contains(g)) {
                names.add(g);
            }
        }
        return names;
    }

    /** Indices of the images of {@code group}. */
    public int[] indicesOf(String group) {
        return IntStream.range(0, groups.length).filter(i -> groups[i].equals(group)).toArray();
    }

    /** A copy of the group labels. */
    @Override
    public String[] groups() {
        return groups.clone();
    }

    /** The images with their group and class as captions ("A: Sandal"), {@code columns} per row. */
    public BufferedImage picture(int columns, int scale) {
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            pictures.add(images.picture(i));
            captions.add(groups[i].substring(0, 1) + ": " + images.classNames().get(images.label(i)));
        }
        return ImageGrid.of(pictures, captions, columns, scale);
    }

    /** One row per group: count and share. */
    public Table groupTable() {
        List<String> names = groupNames();
        int[] counts = names.stream().mapToInt(g -> indicesOf(g).length).toArray();
        Table table = Table.create(images.name() + ": groups", StringColumn.create("group", names),
                IntColumn.create("images", counts));
        table.addColumns(StringColumn.create("share", Arrays.stream(counts)
                .mapToObj(c -> String.format("%.1f%%", 100.0 * c / groups.length)).toList()));
        return table;
    }

    @Override
    public Object view() {
        return groupTable();
    }
}
