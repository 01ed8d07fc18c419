package dev.tlkit.viz;

import dev.tlkit.data.ImageSet;
import dev.tlkit.eval.Predictions;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pictures laid out in a grid with a caption under each: examples, filters, top losses. */
public final class ImageGrid {
    private static final int CAPTION_HEIGHT = 16;
    private static final int GAP = 6;

    private ImageGrid() {
    }

    /** The given images with captions, {@code columns} per row, each scaled up {@code scale} times. */
    public static BufferedImage of(List<BufferedImage> images, List<String> captions, int columns, int scale) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("an image grid needs at least one image");
        }
        int cellW = images.get(0).getWidth() * scale;
        int cellH = images.get(0).getHeight() * scale;
        int rows = (images.size() + columns - 1) / columns;
        int width = columns * (cellW + GAP) + GAP;
        int height = rows * (cellH + CAPTION_HEIGHT + GAP) + GAP;
        BufferedImage grid = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < images.size(); i++) {
            int x = GAP + (i % columns) * (cellW + GAP);
            int y = GAP + (i / columns) * (cellH + CAPTION_HEIGHT + GAP);
            g.drawImage(images.get(i), x, y, cellW, cellH, null);
            String caption = i < captions.size() ? captions.get(i) : "";
            while (metrics.stringWidth(caption) > cellW + GAP && caption.length() > 3) {
                caption = caption.substring(0, caption.length() - 2) + "…";
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(caption, x + Math.max(0, (cellW - metrics.stringWidth(caption)) / 2), y + cellH + 12);
        }
        g.dispose();
        return grid;
    }

    /** The first {@code perClass} images of every class of {@code set}, one class per row. */
    public static BufferedImage examplesPerClass(ImageSet set, int perClass, int scale) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int[] taken = new int[set.numClasses()];
        int[][] chosen = new int[set.numClasses()][perClass];
        for (int i = 0; i < set.size(); i++) {
            int label = set.label(i);
            if (taken[label] < perClass) {
                chosen[label][taken[label]++] = i;
            }
        }
        for (int c = 0; c < set.numClasses(); c++) {
            for (int k = 0; k < taken[c]; k++) {
                images.add(set.picture(chosen[c][k]));
                captions.add(set.classNames().get(c));
            }
        }
        return of(images, captions, perClass, scale);
    }

    /**
     * The {@code n} images of {@code images} the model got most wrong (highest loss), captioned
     * "predicted / true, confidence". {@code predictions} must be over {@code images}, in order.
     */
    public static BufferedImage topLosses(Predictions predictions, ImageSet images, int n, int scale) {
        if (predictions.size() != images.size()) {
            throw new IllegalArgumentException("the predictions are for " + predictions.size()
                    + " examples but the image set has " + images.size() + ": predict on the same images");
        }
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        List<String> names = images.classNames();
        for (int i : predictions.topLosses(n)) {
            pictures.add(images.picture(i));
            captions.add(String.format("%s / %s %.2f", shortName(names.get(predictions.predicted(i))),
                    shortName(names.get(predictions.label(i))), predictions.confidence(i)));
        }
        return of(pictures, captions, Math.min(n, 6), scale);
    }

    private static String shortName(String name) {
        return name.length() <= 7 ? name : name.substring(0, 6) + ".";
    }
}
