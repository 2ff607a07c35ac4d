package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code memoscope render} end to end: decode the PNG and look at its pixels. */
class RenderCommandTest {

    /** The colour of the q line in the explorer chart. */
    private static final int CONVERGENCE_COLOUR = 0x1f5fbf;

    @TempDir
    Path directory;

    @Test
    void drawsTheChartAtTheRequestedSize() throws IOException {
        Path output = directory.resolve("chart.png");

        CliRun run = CliRun.of("render", "--width", "600", "--height", "400", "--gamma", "2",
                "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        BufferedImage image = ImageIO.read(output.toFile());
        assertEquals(600, image.getWidth());
        assertEquals(400, image.getHeight());
        assertTrue(distinctColours(image) > 100, "a drawn chart, not a blank image");
        assertTrue(hasColourNear(image, CONVERGENCE_COLOUR, 12), "the q line is drawn");
        assertEquals(List.of("chart.png"), List.of(directory.toFile().list()));
    }

    @Test
    void scaleMultipliesThePixelCount() throws IOException {
        Path output = directory.resolve("chart@2x.png");

        CliRun run = CliRun.of("render", "--width", "500", "--height", "300", "--scale", "2",
                "--beta", "0.7,2", "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        BufferedImage image = ImageIO.read(output.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(hasColourNear(image, CONVERGENCE_COLOUR, 12), "the q line is drawn");
    }

    @Test
    void defaultSizeWithSimulatedPointsToStandardOutput() throws IOException {
        CliRun run = CliRun.of("render", "--simulate", "-d", "60", "--seeds", "4",
                "--sim-points", "4", "--repetitions", "1", "-o", "-");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(run.outBytes()));
        assertEquals(1200, image.getWidth());
        assertEquals(800, image.getHeight());
        assertTrue(distinctColours(image) > 100);
    }

    @Test
    void replacesAnExistingImage() throws IOException {
        Path output = Files.writeString(directory.resolve("chart.png"), "stale");

        CliRun run = CliRun.of("render", "--width", "300", "--height", "200",
                "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(300, ImageIO.read(output.toFile()).getWidth());
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static boolean hasColourNear(BufferedImage image, int rgb, int tolerance) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (channelsWithin(pixel, rgb, tolerance)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean channelsWithin(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
