package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.TheoryCurves;

class ChartPngTest {

    @Test
    void encodesAPngOfTheRequestedSize() throws IOException {
        byte[] png = ChartPng.encode(sampleChart(), 400, 300, 1);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        assertTrue(distinctColours(image) > 50, "a drawn chart has many shades");
    }

    @Test
    void scalingMultipliesThePixelsAndKeepsTheLayout() throws IOException {
        JFreeChart chart = sampleChart();
        BufferedImage single = ChartPng.draw(chart, 400, 300, 1);
        BufferedImage double_ = ImageIO.read(new ByteArrayInputStream(
                ChartPng.encode(chart, 400, 300, 2)));

        assertEquals(800, double_.getWidth());
        assertEquals(600, double_.getHeight());
        // The plot's white background and its left border sit at the same relative place.
        assertEquals(single.getRGB(200, 150) & 0xffffff,
                double_.getRGB(400, 300) & 0xffffff);
        assertEquals(1050, ChartPng.pixels(700, 1.5));
    }

    @Test
    void rejectsAScaleBelowOne() {
        assertThrows(IllegalArgumentException.class,
                () -> ChartPng.draw(sampleChart(), 400, 300, 0.5));
    }

    private static JFreeChart sampleChart() {
        double[] loads = {0.01, 0.1, 1, 10, 100};
        TheoryCurves curves = new TheoryCurves(ExplorerParameters.DEFAULTS, loads,
                new double[] {0.01, 0.1, 0.72, 0.97, 0.997},
                new double[] {0.9, 0.5, 0.2, 0.1, 0.05},
                new double[][] {{0, 0, 0, 0.83, 0.98}});
        ExplorerChart chart = new ExplorerChart();
        chart.showTheory(curves);
        chart.moveCursor(1);
        return chart.chart();
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
