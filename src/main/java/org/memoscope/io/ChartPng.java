package org.memoscope.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * Renders a chart to PNG with Java2D alone (works with {@code java.awt.headless}).
 *
 * <p>The chart is laid out for a {@code width x height} canvas and drawn through a
 * scale transform onto an image {@code scale} times larger in each direction, so a
 * scale of 2 gives the same layout with text and lines drawn at twice the resolution
 * (for high-density screens and print) rather than a blurry enlargement.
 */
public final class ChartPng {

    private ChartPng() {
    }

    /** Pixel size of the image for a layout size and scale: {@code round(size * scale)}. */
    public static int pixels(int size, double scale) {
        return (int) Math.round(size * scale);
    }

    /**
     * The chart as PNG bytes.
     *
     * @param width  layout width in pixels at scale 1
     * @param height layout height in pixels at scale 1
     * @param scale  pixel density, at least 1
     */
    public static byte[] encode(JFreeChart chart, int width, int height, double scale)
            throws IOException {
        BufferedImage image = draw(chart, width, height, scale);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ChartUtils.writeBufferedImageAsPNG(png, image);
        return png.toByteArray();
    }

    /** The chart drawn on an opaque image of {@link #pixels} size in each direction. */
    public static BufferedImage draw(JFreeChart chart, int width, int height, double scale) {
        if (width < 1 || height < 1 || !(scale >= 1) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("need a positive size and a scale >= 1, got "
                    + width + " x " + height + " at " + scale);
        }
        BufferedImage image = new BufferedImage(pixels(width, scale), pixels(height, scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                    RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                    RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
                    RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }
}
