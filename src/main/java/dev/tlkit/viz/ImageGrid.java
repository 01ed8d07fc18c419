package dev.tlkit.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
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
}
