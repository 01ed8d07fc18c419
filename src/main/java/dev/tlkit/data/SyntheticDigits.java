package dev.tlkit.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Digits 0-9 rendered from the fonts of Debian packages (listed with their licences in the manifest), optionally
 * distorted at random — scale, rotation, shear, stroke width, elastic distortion (Simard et al. 2003), blur — and
 * then normalised the way MNIST was: the digit fitted into a 20x20 box, keeping its aspect ratio, and placed in
 * 28x28 so that its centre of mass is in the middle. Deterministic: the same seed gives the same digits.
 */
public final class SyntheticDigits {
    public static final int SIZE = 28;
    private static final int BOX = 20;
    private static final int CANVAS = 64;
    private static final float POINT_SIZE = 40f;
    private static final float INK_GAIN = 1.4f;

    /** How much the digits vary: only the font, or the font and random distortions. */
    public enum Variation {
        FONTS_ONLY, DISTORTED
    }

    private final List<Font> fonts;
    private final List<String> fontNames;

    private SyntheticDigits(List<Font> fonts, List<String> fontNames) {
        this.fonts = List.copyOf(fonts);
        this.fontNames = List.copyOf(fontNames);
    }

    /** The generator over every font of the manifest; a missing font package stops it, naming the packages to install. */
    public static SyntheticDigits withManifestFonts() {
        List<Manifest.FontFile> files = Manifest.load().fonts();
        List<Manifest.FontFile> missing = files.stream().filter(f -> !Files.isReadable(Path.of(f.file()))).toList();
        if (!missing.isEmpty()) {
            String packages = missing.stream().map(Manifest.FontFile::packageName).distinct().collect(Collectors.joining(" "));
            throw new DataUnavailableException("synthetic digits need " + missing.size() + " font files that are not"
                    + " installed (first: " + missing.get(0).file() + "). Install their Debian packages with"
                    + " ./kit setup, or: sudo apt-get install " + packages);
        }
        List<Font> fonts = new ArrayList<>();
        for (Manifest.FontFile file : files) {
            try {
                fonts.add(Font.createFont(Font.TRUETYPE_FONT, Path.of(file.file()).toFile()).deriveFont(POINT_SIZE));
            } catch (IOException | FontFormatException e) {
                throw new DataUnavailableException("the font " + file.file() + " (Debian package " + file.packageName()
                        + ") cannot be read: " + e.getMessage() + ". Reinstall it: sudo apt-get install --reinstall "
                        + file.packageName());
            }
        }
        return new SyntheticDigits(fonts, files.stream().map(Manifest.FontFile::family).toList());
    }

    /** The font families, in the order the generator draws from. */
    public List<String> fontNames() {
        return fontNames;
    }

    /** {@code count} digits, classes in turn (balanced), each in a random font, drawn with {@code seed}. */
    public ImageSet generate(int count, long seed, Variation variation, String name) {
        if (count <= 0) {
            throw new IllegalArgumentException("the number of digits must be positive, got " + count);
        }
        Random random = new Random(seed);
        byte[] pixels = new byte[count * SIZE * SIZE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            Font font = fonts.get(random.nextInt(fonts.size()));
            float[] canvas = render(font, (char) ('0' + labels[i]), variation, random);
            if (variation == Variation.DISTORTED) {
                canvas = elastic(canvas, random, 1.5 + 2.0 * random.nextDouble(), 4.0);
                canvas = blur(canvas, 0.9 * random.nextDouble());
            }
            normalise(canvas, pixels, i * SIZE * SIZE);
        }
        return ImageSet.of(name, pixels, count, SIZE, SIZE, labels, Mnist.CLASS_NAMES);
    }

    /** The digit drawn white on black, centred on the canvas, with the variation's random transform and stroke. */
    private static float[] render(Font font, char digit, Variation variation, Random random) {
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        FontRenderContext context = g.getFontRenderContext();
        Shape glyph = font.createGlyphVector(context, String.valueOf(digit)).getOutline();
        Rectangle2D bounds = glyph.getBounds2D();
        AffineTransform transform = new AffineTransform();
        transform.translate(CANVAS / 2.0, CANVAS / 2.0);
        double stroke = 0;
        if (variation == Variation.DISTORTED) {
            transform.rotate(Math.toRadians(-15 + 30 * random.nextDouble()));
            transform.shear(-0.3 + 0.6 * random.nextDouble(), 0);
            double scale = 0.8 + 0.4 * random.nextDouble();
            transform.scale(scale * (0.85 + 0.3 * random.nextDouble()), scale);
            stroke = -0.8 + 3.8 * random.nextDouble();   // below 0 thins the strokes, above 0 thickens them
        }
        transform.translate(-bounds.getCenterX(), -bounds.getCenterY());
        Shape shape = transform.createTransformedShape(glyph);
        g.setColor(Color.WHITE);
        g.fill(shape);
        if (stroke != 0) {
            g.setColor(stroke > 0 ? Color.WHITE : Color.BLACK);
            g.setStroke(new BasicStroke((float) Math.abs(stroke), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        g.dispose();
        float[] values = new float[CANVAS * CANVAS];
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < values.length; p++) {
            values[p] = (data[p] & 0xff) / 255f;
        }
        return values;
    }

    /** Elastic distortion: a random displacement field, smoothed (Gaussian, {@code sigma}) and scaled to {@code alpha} px. */
    static float[] elastic(float[] canvas, Random random, double alpha, double sigma) {
        float[] dx = new float[canvas.length];
        float[] dy = new float[canvas.length];
        for (int p = 0; p < canvas.length; p++) {
            dx[p] = (float) (2 * random.nextDouble() - 1);
            dy[p] = (float) (2 * random.nextDouble() - 1);
        }
        dx = normalised(gaussian(dx, sigma), alpha);
        dy = normalised(gaussian(dy, sigma), alpha);
        float[] out = new float[canvas.length];
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                int p = y * CANVAS + x;
                out[p] = bilinear(canvas, x + dx[p], y + dy[p]);
            }
        }
        return out;
    }

    private static float[] normalised(float[] field, double alpha) {
        double max = 1e-9;
        for (float v : field) {
            max = Math.max(max, Math.abs(v));
        }
        for (int p = 0; p < field.length; p++) {
            field[p] = (float) (field[p] / max * alpha);
        }
        return field;
    }

    static float[] blur(float[] canvas, double sigma) {
        return sigma < 0.2 ? canvas : gaussian(canvas, sigma);
    }

    /** A separable Gaussian filter over the canvas (edges clamped). */
    private static float[] gaussian(float[] values, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        float[] rows = new float[values.length];
        float[] out = new float[values.length];
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * values[y * CANVAS + clamp(x + k)];
                }
                rows[y * CANVAS + x] = (float) v;
            }
        }
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                double v = 0;
                for (int k = -radius; k <= radius; k++) {
                    v += kernel[k + radius] * rows[clamp(y + k) * CANVAS + x];
                }
                out[y * CANVAS + x] = (float) v;
            }
        }
        return out;
    }

    private static int clamp(int i) {
        return Math.max(0, Math.min(CANVAS - 1, i));
    }

    private static float bilinear(float[] canvas, double x, double y) {
        if (x < 0 || y < 0 || x > CANVAS - 1 || y > CANVAS - 1) {
            return 0;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(CANVAS - 1, x0 + 1);
        int y1 = Math.min(CANVAS - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * canvas[y0 * CANVAS + x0] + fx * canvas[y0 * CANVAS + x1])
                + fy * ((1 - fx) * canvas[y1 * CANVAS + x0] + fx * canvas[y1 * CANVAS + x1]));
    }

    /** MNIST's normalisation: the digit's bounding box scaled into 20x20 (aspect kept), centred by its mass in 28x28. */
    static void normalise(float[] canvas, byte[] pixels, int offset) {
        int top = CANVAS;
        int bottom = -1;
        int left = CANVAS;
        int right = -1;
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                if (canvas[y * CANVAS + x] > 0.05f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            return;   // nothing drawn: an empty image
        }
        int height = bottom - top + 1;
        int width = right - left + 1;
        double scale = (double) BOX / Math.max(height, width);
        int boxHeight = Math.max(1, (int) Math.round(height * scale));
        int boxWidth = Math.max(1, (int) Math.round(width * scale));
        float[] box = new float[boxHeight * boxWidth];
        double mass = 0;
        double rowMass = 0;
        double colMass = 0;
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                float v = area(canvas, left + x / scale, top + y / scale, 1 / scale);
                box[y * boxWidth + x] = v;
                mass += v;
                rowMass += v * y;
                colMass += v * x;
            }
        }
        // a pen's ink saturates, as MNIST's does: the brightest strokes at full white, thin faint ones brightened
        float brightest = 1e-6f;
        for (float v : box) {
            brightest = Math.max(brightest, v);
        }
        for (int p = 0; p < box.length; p++) {
            box[p] = Math.min(1f, INK_GAIN * box[p] / brightest);
        }
        int shiftY = (int) Math.round(SIZE / 2.0 - rowMass / mass - 0.5);
        int shiftX = (int) Math.round(SIZE / 2.0 - colMass / mass - 0.5);
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                int ty = y + shiftY;
                int tx = x + shiftX;
                if (ty >= 0 && ty < SIZE && tx >= 0 && tx < SIZE) {
                    pixels[offset + ty * SIZE + tx] = (byte) Math.round(255 * Math.min(1f, box[y * boxWidth + x]));
                }
            }
        }
    }

    /** The mean of the canvas over a square of side {@code side} at (x, y), sampled 4x4 (anti-aliased downscaling). */
    private static float area(float[] canvas, double x, double y, double side) {
        double sum = 0;
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                sum += bilinear(canvas, x + (i + 0.5) * side / 4 - 0.5, y + (j + 0.5) * side / 4 - 0.5);
            }
        }
        return (float) (sum / 16);
    }
}
