package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.data.IdxWriter;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;

/**
 * {@code memoscope data} and {@code memoscope grid} on generated files: the CSV and the PNG
 * of a good run, and every kind of bad data refused with status 2, one line naming the file,
 * and nothing written.
 */
class DataCommandTest {

    @TempDir
    Path directory;

    /** 60 quantised 8x8 power-law fields as a gzip IDX image file. */
    private Path smallIdx() throws IOException {
        ImageSet fields = new PowerLawField(8, 2).generate(60, 4);
        double[] pixels = fields.copyPixels();
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = 0.5 + 0.15 * pixels[k];
        }
        Path file = directory.resolve("tiny-idx3-ubyte.gz");
        IdxWriter.writeImages(file, ImageSet.of("tiny", 60, 8, 8, pixels),
                IdxWriter.Compression.GZIP);
        return file;
    }

    @Test
    void writesTheTableForAnIdxFile() throws IOException {
        Path output = directory.resolve("out.csv");
        CliRun run = CliRun.of("data", "--data", smallIdx().toString(), "--n", "1,10,30",
                "--seeds", "8", "--factors", "2", "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<String> table = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("#")) {
                table.add(line);
            }
        }
        assertEquals("gamma,n,q,q_se,q_trace,q_trace_se,m,m_se,m_baseline,m_baseline_se,"
                + "Q1,Q1_se,Q2,Q2_se,q_theory,Q1_theory,Q2_theory", table.get(0));
        assertEquals(4, table.size());
        String[] first = table.get(1).split(",", -1);
        assertEquals(1.0 / 64, Double.parseDouble(first[0]), 1e-15);
        assertEquals("1", first[1]);
        assertEquals(1, Double.parseDouble(first[6]), 1e-12, "m at n = 1");
        assertTrue(lines.get(0).startsWith("# source: tiny-idx3-ubyte.gz"), lines.get(0));
    }

    @Test
    void drawsALegibleGrid() throws IOException {
        Path output = directory.resolve("grid.png");
        CliRun run = CliRun.of("grid", "--data", "powerlaw", "--size", "16", "--n", "4",
                "--rows", "3", "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(output)));
        assertTrue(image.getWidth() > 4 * 16 * 8, "width " + image.getWidth());
        assertTrue(image.getHeight() > 3 * 16 * 8, "height " + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "the grid looks blank: " + colours.size() + " colours");
    }

    @Test
    void cropsAFolderOfMixedSizesWhenAsked() throws IOException {
        Path folder = mixedFolder();
        CliRun run = CliRun.of("data", "--data", folder.toString(), "--crop", "--n", "2",
                "--seeds", "4", "--factors", "1");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("# source: mixed"), run.out());
    }

    @Test
    void refusesACorruptGzipFile() throws IOException {
        Path file = directory.resolve("corrupt-idx3-ubyte.gz");
        byte[] bytes = new byte[200];
        Arrays.fill(bytes, (byte) 0x5a);
        bytes[0] = 0x1f;
        bytes[1] = (byte) 0x8b;
        Files.write(file, bytes);
        assertRefused("corrupt-idx3-ubyte.gz", "data", "--data", file.toString(), "--n", "1");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        Path whole = directory.resolve("whole-idx3-ubyte");
        IdxWriter.writeImages(whole, 10, 4, 4, new byte[160], IdxWriter.Compression.PLAIN);
        byte[] bytes = Files.readAllBytes(whole);
        Path file = directory.resolve("truncated-idx3-ubyte");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 50));
        assertRefused("truncated-idx3-ubyte", "data", "--data", file.toString(), "--n", "1");
    }

    @Test
    void refusesALabelFile() throws IOException {
        Path file = directory.resolve("labels-idx1-ubyte");
        IdxWriter.writeLabels(file, new int[] {1, 2, 3}, IdxWriter.Compression.PLAIN);
        assertRefused("labels-idx1-ubyte", "grid", "--data", file.toString(), "--n", "1");
    }

    @Test
    void refusesAnEmptyFolder() throws IOException {
        Path folder = Files.createDirectory(directory.resolve("nothing-here"));
        assertRefused("nothing-here", "data", "--data", folder.toString(), "--n", "1");
    }

    @Test
    void refusesMixedSizesWithoutAnOption() throws IOException {
        assertRefused("mixed", "grid", "--data", mixedFolder().toString(), "--n", "1");
    }

    @Test
    void refusesTwoSetsLargerThanTheData() throws IOException {
        String line = assertRefused("tiny-idx3-ubyte.gz", "data", "--data",
                smallIdx().toString(), "--n", "10,31");
        assertTrue(line.contains("62") && line.contains("60"), line);
    }

    @Test
    void refusesADimensionTooLargeForTheHeap() throws IOException {
        Path file = directory.resolve("huge-idx3-ubyte.gz");
        IdxWriter.writeImages(file, 2, 2000, 2000, new byte[2 * 2000 * 2000],
                IdxWriter.Compression.GZIP);
        String line = assertRefused("huge-idx3-ubyte.gz", "data", "--data", file.toString(),
                "--n", "1");
        assertTrue(line.contains("memory"), line);
    }

    @Test
    void refusesFashionMnistWhenItIsNotInstalled() {
        DatasetCatalog installed = DataOptions.catalog;
        DataOptions.catalog = new DatasetCatalog(directory.resolve("no-datasets"));
        try {
            String line = assertRefused("fashion-mnist", "data", "--data", "fashion-mnist",
                    "--n", "100");
            assertTrue(line.contains("not installed"), line);
        } finally {
            DataOptions.catalog = installed;
        }
    }

    @Test
    void refusesAGridOfDataThatAreNotImages() {
        assertRefused("spiked", "grid", "--data", "spiked", "--beta", "2", "-d", "50",
                "--n", "3");
    }

    /** Runs with {@code -o} into the temporary folder; returns the one error line. */
    private String assertRefused(String named, String... args) {
        Path output = directory.resolve("refused.out");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", output.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().length, run.err());
        String line = run.errLines()[0];
        assertTrue(line.startsWith("memoscope: "), line);
        assertTrue(line.contains(named), line);
        assertEquals(0, run.outBytes().length);
        assertFalse(Files.exists(output));
        return line;
    }

    /** Three 8x8 PNGs and one 10x10. */
    private Path mixedFolder() throws IOException {
        Path folder = Files.createDirectories(directory.resolve("mixed"));
        for (int i = 0; i < 4; i++) {
            int side = i == 3 ? 10 : 8;
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int level = (x * 31 + y * 17 + i * 53) % 256;
                    image.getRaster().setSample(x, y, 0, level);
                }
            }
            ImageIO.write(image, "png", folder.resolve("image" + i + ".png").toFile());
        }
        return folder;
    }
}
