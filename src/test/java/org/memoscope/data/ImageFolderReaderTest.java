package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders of PNG and JPEG files read as grayscale image sets. */
class ImageFolderReaderTest {

    /** One gray level: the exact tolerance for 8-bit data. */
    private static final double LEVEL = 1.0 / 255;

    @TempDir
    Path folder;

    @Test
    void grayPngsSurviveARoundTripInNameOrder() throws IOException {
        int[][] levels = new int[3][];
        String[] names = {"b.png", "a.png", "c.PNG"};
        for (int i = 0; i < names.length; i++) {
            levels[i] = randomLevels(6 * 5, i);
            writeGray(folder.resolve(names[i]), 6, 5, levels[i], "png");
        }

        ImageSet images = ImageFolderReader.read(folder);

        assertEquals(3, images.count());
        assertEquals(5, images.height());
        assertEquals(6, images.width());
        assertEquals(folder, images.source().orElseThrow());
        int[] expectedOrder = {1, 0, 2};
        for (int i = 0; i < 3; i++) {
            int[] written = levels[expectedOrder[i]];
            for (int k = 0; k < written.length; k++) {
                assertEquals(written[k] / 255.0, images.value(i, k), LEVEL / 2,
                        "image " + i + " pixel " + k);
            }
        }
    }

    @Test
    void colourPngsBecomeBt601Luma() throws IOException {
        BufferedImage colour = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xff0000);
        colour.setRGB(1, 0, 0x10c080);
        ImageIO.write(colour, "png", folder.resolve("colour.png").toFile());

        ImageSet images = ImageFolderReader.read(folder);

        assertEquals(0.299, images.pixel(0, 0, 0), 1e-12);
        assertEquals((0.299 * 0x10 + 0.587 * 0xc0 + 0.114 * 0x80) / 255,
                images.pixel(0, 0, 1), 1e-12);
    }

    @Test
    void jpegsAreRead() throws IOException {
        int side = 16;
        int[] levels = new int[side * side];
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                levels[row * side + column] = 40 + 10 * row;
            }
        }
        writeGray(folder.resolve("ramp.jpg"), side, side, levels, "jpg");
        writeGray(folder.resolve("ramp2.jpeg"), side, side, levels, "jpg");

        ImageSet images = ImageFolderReader.read(folder);

        // JPEG is lossy; at the default quality a smooth ramp stays within a few levels.
        assertEquals(2, images.count());
        for (int k = 0; k < levels.length; k++) {
            assertEquals(levels[k] / 255.0, images.value(0, k), 6 * LEVEL, "pixel " + k);
        }
    }

    @Test
    void otherFilesAreSkipped() throws IOException {
        writeGray(folder.resolve("image.png"), 4, 4, randomLevels(16, 1), "png");
        Files.writeString(folder.resolve("README.txt"), "not an image");
        Files.writeString(folder.resolve(".hidden.png"), "not an image either");
        Files.createDirectory(folder.resolve("sub.png"));

        ImageSet images = ImageFolderReader.read(folder);

        assertEquals(1, images.count());
    }

    @Test
    void corruptPngIsNamed() throws IOException {
        writeGray(folder.resolve("fine.png"), 4, 4, randomLevels(16, 2), "png");
        Files.write(folder.resolve("broken.png"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(folder));

        assertTrue(error.getMessage().startsWith("broken.png: "), error.getMessage());
        assertEquals(folder.resolve("broken.png"), error.file());
    }

    @Test
    void truncatedPngIsNamed() throws IOException {
        Path file = folder.resolve("cut.png");
        writeGray(file, 32, 32, randomLevels(32 * 32, 3), "png");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(folder));

        assertTrue(error.getMessage().startsWith("cut.png: "), error.getMessage());
    }

    @Test
    void emptyFolderIsRefused() {
        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(folder));

        assertEquals(folder.getFileName() + ": no PNG or JPEG images in the folder (it is empty)",
                error.getMessage());
    }

    @Test
    void folderWithoutImagesIsRefused() throws IOException {
        Files.writeString(folder.resolve("notes.txt"), "text");

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(folder));

        assertTrue(error.getMessage().contains("no PNG or JPEG images"), error.getMessage());
    }

    @Test
    void missingFolderIsNamed() {
        Path missing = folder.resolve("nowhere");

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(missing));

        assertEquals("nowhere: no such folder", error.getMessage());
    }

    @Test
    void mixedSizesNameTheFirstTwoSizesAndFiles() throws IOException {
        writeGray(folder.resolve("a.png"), 8, 8, randomLevels(64, 4), "png");
        writeGray(folder.resolve("b.png"), 8, 8, randomLevels(64, 5), "png");
        writeGray(folder.resolve("c.png"), 10, 6, randomLevels(60, 6), "png");
        writeGray(folder.resolve("d.png"), 4, 4, randomLevels(16, 7), "png");

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(folder));

        assertTrue(error.getMessage().contains("a.png is 8x8 but c.png is 10x6"),
                error.getMessage());
        assertTrue(error.getMessage().contains("--crop or --resize"), error.getMessage());
    }

    @Test
    void cropTakesTheCentreOfTheSmallestCommonSize() throws IOException {
        int[] wide = randomLevels(10 * 6, 8);
        int[] tall = randomLevels(8 * 9, 9);
        writeGray(folder.resolve("a.png"), 10, 6, wide, "png");
        writeGray(folder.resolve("b.png"), 8, 9, tall, "png");

        ImageSet images = ImageFolderReader.read(folder, SizePolicy.cropToSmallest());

        assertEquals(6, images.height());
        assertEquals(8, images.width());
        for (int row = 0; row < 6; row++) {
            for (int column = 0; column < 8; column++) {
                assertEquals(wide[row * 10 + column + 1] / 255.0,
                        images.pixel(0, row, column), LEVEL / 2);
                assertEquals(tall[(row + 1) * 8 + column] / 255.0,
                        images.pixel(1, row, column), LEVEL / 2);
            }
        }
    }

    @Test
    void shrinkingAveragesBlocks() throws IOException {
        // 8x8 made of 2x2 blocks of one level each: halving must give the block levels.
        int[] blockLevels = randomLevels(16, 10);
        int[] levels = new int[64];
        for (int row = 0; row < 8; row++) {
            for (int column = 0; column < 8; column++) {
                levels[row * 8 + column] = blockLevels[(row / 2) * 4 + column / 2];
            }
        }
        writeGray(folder.resolve("blocks.png"), 8, 8, levels, "png");
        writeGray(folder.resolve("other.png"), 12, 10, randomLevels(120, 11), "png");

        ImageSet images = ImageFolderReader.read(folder, SizePolicy.resizeTo(4, 4));

        assertEquals(4, images.height());
        assertEquals(4, images.width());
        for (int k = 0; k < 16; k++) {
            assertEquals(blockLevels[k] / 255.0, images.value(0, k), LEVEL, "block " + k);
        }
    }

    @Test
    void enlargingKeepsAConstantImageConstant() throws IOException {
        int[] levels = new int[9];
        Arrays.fill(levels, 77);
        writeGray(folder.resolve("flat.png"), 3, 3, levels, "png");

        ImageSet images = ImageFolderReader.read(folder, SizePolicy.resizeTo(7, 5));

        assertEquals(5, images.height());
        assertEquals(7, images.width());
        for (int k = 0; k < images.dimension(); k++) {
            assertEquals(77 / 255.0, images.value(0, k), LEVEL, "pixel " + k);
        }
    }

    private static void writeGray(Path file, int width, int height, int[] levels, String format)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                raster.setSample(column, row, 0, levels[row * width + column]);
            }
        }
        assertTrue(ImageIO.write(image, format, file.toFile()), "no writer for " + format);
    }

    private static int[] randomLevels(int length, long seed) {
        Random random = new Random(seed);
        int[] levels = new int[length];
        for (int k = 0; k < length; k++) {
            levels[k] = random.nextInt(256);
        }
        return levels;
    }
}
