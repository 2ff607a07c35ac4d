package org.memoscope.io;

import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;

import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders a chart as an SVG document with JFreeSVG's {@code Graphics2D}.
 *
 * <p>Text stays text: every label is an SVG {@code <text>} element in UTF-8, so
 * axis titles with γ, β and λ can be selected, searched and restyled, and the
 * drawing scales to any size without blur. The viewer supplies the glyphs from
 * its own sans-serif font.
 */
public final class ChartSvg {

    private ChartSvg() {
    }

    /** The chart laid out for {@code width x height} user units, as a standalone SVG file. */
    public static String document(JFreeChart chart, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("need a positive size, got " + width + " x "
                    + height);
        }
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("memoscope");
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
    }

    /** {@link #document} as UTF-8 bytes. */
    public static byte[] encode(JFreeChart chart, int width, int height) {
        return document(chart, width, height).getBytes(StandardCharsets.UTF_8);
    }
}
