package org.memoscope.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.memoscope.sim.SampleGrid;

/**
 * Draws a {@link SampleGrid} as a PNG with Java2D alone (works with {@code java.awt.headless}).
 *
 * <p>Layout: a title (source, n, gamma is left to the caller's title text), column headings,
 * then one row per seed: model A's sample, A's nearest training image, model B's sample, B's
 * nearest training image, and on the right {@code cos(A, B)}. Under each nearest image, its
 * signed cosine to the sample and its index. Pixels are magnified by an integer factor so an
 * image is about {@value #TARGET_CELL} pixels wide, without smoothing, and mapped to gray
 * through the grid's display range (values outside it are clipped).
 */
public final class SampleGridPng {

    /** Approximate width of one image on the canvas, in pixels. */
    static final int TARGET_CELL = 128;
    private static final int MARGIN = 16;
    private static final int GAP = 10;
    private static final int PAIR_GAP = 28;
    private static final int CAPTION = 20;
    private static final int ROW_GAP = 14;
    private static final int LABEL_WIDTH = 70;
    private static final int COSINE_WIDTH = 150;
    private static final Color INK = new Color(0x20, 0x20, 0x20);
    private static final Color MUTED = new Color(0x60, 0x60, 0x60);

    private SampleGridPng() {
    }

    /** The grid as PNG bytes, under {@code title}. */
    public static byte[] encode(SampleGrid grid, String title) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(draw(grid, title), "png", png)) {
            throw new IOException("no PNG writer available");
        }
        return png.toByteArray();
    }

    /** Pixel magnification of an image: an integer, at least 1. */
    static int magnification(SampleGrid grid) {
        return Math.max(1, Math.round((float) TARGET_CELL / Math.max(grid.width(),
                grid.height())));
    }

    /** The grid drawn on an opaque white image. */
    public static BufferedImage draw(SampleGrid grid, String title) {
        int scale = magnification(grid);
        int cellWidth = grid.width() * scale;
        int cellHeight = grid.height() * scale;
        int titleHeight = 56;
        int headerHeight = 22;
        int rowHeight = cellHeight + CAPTION + ROW_GAP;
        int width = 2 * MARGIN + LABEL_WIDTH + 4 * cellWidth + 2 * GAP + PAIR_GAP
                + COSINE_WIDTH;
        int height = 2 * MARGIN + titleHeight + headerHeight + grid.rows().size() * rowHeight;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);

            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, MARGIN, MARGIN + 18);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(MUTED);
            g.drawString(String.format(Locale.ROOT, "%s; gray range %.3g..%.3g (clipped); "
                    + "cosines without the mean; nearest = largest |cos|", grid.source(), grid.displayLow(),
                    grid.displayHigh()), MARGIN, MARGIN + 40);

            int[] columns = columnStarts(cellWidth);
            int top = MARGIN + titleHeight;
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            String[] headings = {"model A sample", "A: nearest training", "model B sample",
                "B: nearest training"};
            for (int c = 0; c < 4; c++) {
                drawFitted(g, headings[c], columns[c], top + 14, cellWidth + GAP);
            }
            drawFitted(g, "cos(A, B)", columns[4], top + 14, COSINE_WIDTH);

            int y = top + headerHeight;
            for (SampleGrid.Row row : grid.rows()) {
                drawRow(g, grid, row, columns, y, scale);
                y += rowHeight;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static int[] columnStarts(int cellWidth) {
        int a = MARGIN + LABEL_WIDTH;
        int aNearest = a + cellWidth + GAP;
        int b = aNearest + cellWidth + PAIR_GAP;
        int bNearest = b + cellWidth + GAP;
        int cosine = bNearest + cellWidth + GAP + 8;
        return new int[] {a, aNearest, b, bNearest, cosine};
    }

    private static void drawRow(Graphics2D g, SampleGrid grid, SampleGrid.Row row,
                                int[] columns, int y, int scale) {
        int cellHeight = grid.height() * scale;
        g.setColor(MUTED);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("seed " + row.seedIndex(), MARGIN, y + cellHeight / 2 + 4);

        double[][] images = {row.firstSample(), row.firstNearest(), row.secondSample(),
            row.secondNearest()};
        for (int c = 0; c < 4; c++) {
            paint(g, grid, images[c], columns[c], y, scale);
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(INK);
        int captionY = y + cellHeight + 14;
        g.drawString(String.format(Locale.ROOT, "cos %+.3f  #%d", row.firstNearestCosine(),
                row.firstNearestIndex()), columns[1], captionY);
        g.drawString(String.format(Locale.ROOT, "cos %+.3f  #%d", row.secondNearestCosine(),
                row.secondNearestIndex()), columns[3], captionY);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(String.format(Locale.ROOT, "%+.3f", row.sampleCosine()), columns[4],
                y + cellHeight / 2 + 6);
    }

    private static void paint(Graphics2D g, SampleGrid grid, double[] pixels, int left,
                              int top, int scale) {
        double low = grid.displayLow();
        double span = grid.displayHigh() - low;
        for (int r = 0; r < grid.height(); r++) {
            for (int c = 0; c < grid.width(); c++) {
                double level = (pixels[r * grid.width() + c] - low) / span;
                int gray = (int) Math.round(255 * Math.max(0, Math.min(1, level)));
                g.setColor(new Color(gray, gray, gray));
                g.fillRect(left + c * scale, top + r * scale, scale, scale);
            }
        }
        g.setColor(new Color(0xB0, 0xB0, 0xB0));
        g.drawRect(left - 1, top - 1, grid.width() * scale + 1, grid.height() * scale + 1);
    }

    /** Draws text, shrinking the font until it fits {@code width}. */
    private static void drawFitted(Graphics2D g, String text, int x, int y, int width) {
        Font font = g.getFont();
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(text) > width && font.getSize() > 8) {
            font = font.deriveFont((float) font.getSize() - 1);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.drawString(text, x, y);
    }
}
