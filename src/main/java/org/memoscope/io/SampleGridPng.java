package org.memoscope.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * image is about {@value #TARGET_CELL} pixels wide (or a caller's cell width), without
 * smoothing, and mapped to gray through the grid's display range (values outside it are
 * clipped). Text is sized in pixels of the image, so a grid is meant to be shown at its
 * natural size; the text columns are as wide as their text, and long lines wrap.
 */
public final class SampleGridPng {

    /** Approximate width of one image on the canvas, in pixels. */
    public static final int TARGET_CELL = 128;
    private static final int MARGIN = 16;
    private static final int GAP = 10;
    private static final int PAIR_GAP = 28;
    private static final int ROW_GAP = 14;
    private static final int TITLE_SIZE = 16;
    private static final int NOTE_SIZE = 12;
    private static final int TEXT_SIZE = 14;
    private static final int COSINE_SIZE = 18;
    private static final String[] HEADINGS = {"model A sample", "A: nearest training",
        "model B sample", "B: nearest training", "cos(A, B)"};
    private static final String WORDS = " ";
    private static final String CLAUSES = "(?<=;) ";
    private static final String CAPTION_SPACE = "  ";
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

    /** Pixel magnification of an image about {@code cellWidth} wide: an integer, at least 1. */
    private static int magnification(SampleGrid grid, int cellWidth) {
        return Math.max(1, Math.round((float) cellWidth / Math.max(grid.width(),
                grid.height())));
    }

    /** The grid drawn on an opaque white image, as exported. */
    public static BufferedImage draw(SampleGrid grid, String title) {
        return draw(grid, title, TARGET_CELL, 1f);
    }

    /**
     * The grid drawn on an opaque white image with images about {@code cellWidth} pixels wide
     * and text {@code textScale} times its exported size (captions are 14 px at 1).
     */
    public static BufferedImage draw(SampleGrid grid, String title, int cellWidth,
                                     float textScale) {
        Layout layout = new Layout(grid, title, cellWidth, textScale);
        BufferedImage image = new BufferedImage(layout.width, layout.height,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, layout.width, layout.height);
            hint(g);

            g.setColor(INK);
            int y = drawLines(g, layout.titleFont, layout.titleLines, MARGIN, MARGIN);
            g.setColor(MUTED);
            y = drawLines(g, layout.noteFont, layout.noteLines, MARGIN, y + 4);

            g.setColor(INK);
            int top = y + 12;
            for (int c = 0; c < HEADINGS.length; c++) {
                drawLines(g, layout.headingFont, layout.headingLines.get(c), layout.columns[c],
                        top);
            }

            y = top + layout.headerHeight;
            for (SampleGrid.Row row : grid.rows()) {
                drawRow(g, grid, row, layout, y);
                y += layout.rowHeight;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Sizes and positions, measured with the fonts they are drawn in. */
    private static final class Layout {

        final int scale;
        final int cellWidth;
        final int cellHeight;
        final Font titleFont;
        final Font noteFont;
        final Font textFont;
        final Font cosineFont;
        Font headingFont;
        final int[] columns;
        final int width;
        final int height;
        final List<String> titleLines;
        final List<String> noteLines;
        final List<List<String>> headingLines = new ArrayList<>();
        final int headerHeight;
        /** Whether a caption breaks after its cosine: too wide for its pair of images. */
        final boolean captionBreaks;
        final int rowHeight;

        Layout(SampleGrid grid, String title, int cellTarget, float textScale) {
            scale = magnification(grid, cellTarget);
            cellWidth = grid.width() * scale;
            cellHeight = grid.height() * scale;
            titleFont = font(Font.BOLD, TITLE_SIZE, textScale);
            noteFont = font(Font.PLAIN, NOTE_SIZE, textScale);
            headingFont = font(Font.BOLD, TEXT_SIZE, textScale);
            textFont = font(Font.PLAIN, TEXT_SIZE, textScale);
            cosineFont = font(Font.BOLD, COSINE_SIZE, textScale);

            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scratch.createGraphics();
            try {
                hint(g);
                int labelWidth = 0;
                int widestCaption = 0;
                for (SampleGrid.Row row : grid.rows()) {
                    labelWidth = Math.max(labelWidth,
                            g.getFontMetrics(textFont).stringWidth("seed " + row.seedIndex()));
                    for (List<String> caption : captions(row)) {
                        widestCaption = Math.max(widestCaption, g.getFontMetrics(textFont)
                                .stringWidth(String.join(CAPTION_SPACE, caption)));
                    }
                }
                int cosineWidth = Math.max(
                        g.getFontMetrics(headingFont).stringWidth(HEADINGS[4]),
                        g.getFontMetrics(cosineFont).stringWidth("+0.000"));
                int a = MARGIN + labelWidth + GAP;
                int aNearest = a + cellWidth + GAP;
                int b = aNearest + cellWidth + PAIR_GAP;
                int bNearest = b + cellWidth + GAP;
                int cosine = bNearest + cellWidth + PAIR_GAP;
                columns = new int[] {a, aNearest, b, bNearest, cosine};
                width = cosine + cosineWidth + MARGIN;

                int textWidth = width - 2 * MARGIN;
                titleLines = wrap(g.getFontMetrics(titleFont), title, WORDS, textWidth);
                noteLines = wrap(g.getFontMetrics(noteFont), String.format(Locale.ROOT,
                        "%s; gray range %.3g..%.3g (clipped); cosines without the mean;"
                        + " nearest = largest |cos|", grid.source(), grid.displayLow(),
                        grid.displayHigh()), CLAUSES, textWidth);
                int headingRows = fitHeadings(g, cosineWidth);
                headerHeight = headingRows * g.getFontMetrics(headingFont).getHeight() + 4;

                captionBreaks = widestCaption > 2 * cellWidth + GAP;
                int captionHeight = (captionBreaks ? 2 : 1)
                        * g.getFontMetrics(textFont).getHeight() + 4;
                rowHeight = cellHeight + captionHeight + ROW_GAP;
                height = 2 * MARGIN + 4 + 12
                        + titleLines.size() * g.getFontMetrics(titleFont).getHeight()
                        + noteLines.size() * g.getFontMetrics(noteFont).getHeight()
                        + headerHeight + grid.rows().size() * rowHeight;
            } finally {
                g.dispose();
            }
        }

        /**
         * Wraps each heading to the room before the next column, in the largest heading font
         * (at most the captions') whose every line fits; returns the most lines of any.
         */
        private int fitHeadings(Graphics2D g, int cosineWidth) {
            while (true) {
                headingLines.clear();
                boolean fits = true;
                int rows = 1;
                FontMetrics metrics = g.getFontMetrics(headingFont);
                for (int c = 0; c < HEADINGS.length; c++) {
                    int room = c + 1 < columns.length ? columns[c + 1] - columns[c] - 6
                            : cosineWidth;
                    List<String> lines = wrap(metrics, HEADINGS[c], WORDS, room);
                    for (String line : lines) {
                        fits &= metrics.stringWidth(line) <= room;
                    }
                    headingLines.add(lines);
                    rows = Math.max(rows, lines.size());
                }
                if (fits || headingFont.getSize() <= 8) {
                    return rows;
                }
                headingFont = headingFont.deriveFont((float) headingFont.getSize() - 1);
            }
        }
    }

    private static Font font(int style, int size, float textScale) {
        return new Font(Font.SANS_SERIF, style, Math.round(size * textScale));
    }

    /** The captions of a row's two nearest images, each its cosine to the sample and index. */
    private static List<List<String>> captions(SampleGrid.Row row) {
        return List.of(caption(row.firstNearestCosine(), row.firstNearestIndex()),
                caption(row.secondNearestCosine(), row.secondNearestIndex()));
    }

    private static List<String> caption(double cosine, int index) {
        return List.of(String.format(Locale.ROOT, "cos %+.3f", cosine), "#" + index);
    }

    private static void hint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private static void drawRow(Graphics2D g, SampleGrid grid, SampleGrid.Row row,
                                Layout layout, int y) {
        int[] columns = layout.columns;
        int middle = y + layout.cellHeight / 2;
        g.setColor(MUTED);
        g.setFont(layout.textFont);
        g.drawString("seed " + row.seedIndex(), MARGIN,
                middle + g.getFontMetrics().getAscent() / 2 - 1);

        double[][] images = {row.firstSample(), row.firstNearest(), row.secondSample(),
            row.secondNearest()};
        for (int c = 0; c < 4; c++) {
            paint(g, grid, images[c], columns[c], y, layout.scale);
        }

        g.setColor(INK);
        List<List<String>> captions = captions(row);
        int captionTop = y + layout.cellHeight + 3;
        drawCaption(g, layout, captions.get(0), columns[1], captionTop);
        drawCaption(g, layout, captions.get(1), columns[3], captionTop);

        g.setFont(layout.cosineFont);
        g.drawString(String.format(Locale.ROOT, "%+.3f", row.sampleCosine()), columns[4],
                middle + g.getFontMetrics().getAscent() / 2 - 1);
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

    /** Draws {@code lines} from {@code top} down; returns the bottom of the last line. */
    private static int drawLines(Graphics2D g, Font font, List<String> lines, int x, int top) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int y = top;
        for (String line : lines) {
            g.drawString(line, x, y + metrics.getAscent());
            y += metrics.getHeight();
        }
        return y;
    }

    /**
     * {@code text} in lines no wider than {@code width}, broken only where {@code breaks}
     * matches a space (a longer piece stands alone).
     */
    private static List<String> wrap(FontMetrics metrics, String text, String breaks,
                                     int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(breaks)) {
            String longer = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && metrics.stringWidth(longer) > width) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(longer);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /**
     * Draws the caption of the nearest image at {@code left}: from its left edge, or ending at
     * its right edge when wider (under the sample beside it); broken after the cosine when the
     * layout says so.
     */
    private static void drawCaption(Graphics2D g, Layout layout, List<String> caption, int left,
                                    int top) {
        List<String> lines = layout.captionBreaks ? caption
                : List.of(String.join(CAPTION_SPACE, caption));
        FontMetrics metrics = g.getFontMetrics(layout.textFont);
        int widest = 0;
        for (String line : lines) {
            widest = Math.max(widest, metrics.stringWidth(line));
        }
        int right = left + layout.cellWidth;
        drawLines(g, layout.textFont, lines, Math.min(left, right - widest), top);
    }
}
