package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.IdxWriter.Compression;

/**
 * Fault suite, data files: seeded random corruptions of valid IDX files (plain and gzip,
 * images and labels) and of PNG images in a folder (truncations, flipped bytes in the
 * header and anywhere, appended and inserted bytes), plus header cases the reader tests do
 * not name (other element types and dimension counts, sizes past 2^31, a budget so large
 * that only the array limit stops a file). Each read either succeeds with a consistent
 * result or fails with a {@link DataLoadException} naming the file; no other exception
 * escapes, and the file read is left byte-identical.
 */
class CorruptedFilesTest {

    private static final int MUTANTS_PER_FILE = 150;

    @TempDir
    Path folder;

    @Test
    void corruptedIdxFilesFailCleanly() throws IOException {
        SplittableRandom random = new SplittableRandom(11L);
        byte[] pixels = new byte[7 * 5 * 6];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) random.nextInt(256);
        }
        int outcomes = 0;
        for (Compression compression : Compression.values()) {
            Path images = folder.resolve("images-" + compression + ".idx");
            IdxWriter.writeImages(images, 7, 5, 6, pixels, compression);
            Path labels = folder.resolve("labels-" + compression + ".idx");
            IdxWriter.writeLabels(labels, new int[] {0, 9, 3, 255, 1}, compression);
            outcomes += mutateAndRead(random, Files.readAllBytes(images), "mutant.idx",
                    file -> checkImages(new IdxReader().readImages(file)));
            outcomes += mutateAndRead(random, Files.readAllBytes(labels), "mutant-labels.idx",
                    file -> checkLabels(new IdxReader().readLabels(file)));
        }
        assertEquals(4 * MUTANTS_PER_FILE, outcomes);
    }

    @Test
    void corruptedPngsInAFolderFailCleanly() throws IOException {
        SplittableRandom random = new SplittableRandom(12L);
        BufferedImage image = new BufferedImage(6, 4, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        Path images = Files.createDirectory(folder.resolve("images"));
        ImageIO.write(image, "png", images.resolve("a.png").toFile());
        int outcomes = mutateAndRead(random, png.toByteArray(), "images/b.png",
                file -> checkImages(ImageFolderReader.read(file.getParent())));
        assertEquals(MUTANTS_PER_FILE, outcomes);
    }

    @Test
    void otherElementTypesAndDimensionCountsAreNamed() throws IOException {
        int[] magics = {0x00000D03, 0x00000B03, 0x00000802, 0x00000804, 0x00000800,
            0x01000803, 0xFFFFFFFF};
        for (int magic : magics) {
            Path file = folder.resolve(String.format("magic-%08x.idx", magic));
            Files.write(file, header(magic, 2, 2, 2, new byte[8]));
            byte[] before = Files.readAllBytes(file);
            DataLoadException error = assertThrows(DataLoadException.class,
                    () -> new IdxReader().readImages(file));
            assertTrue(error.getMessage().startsWith(file.getFileName() + ": not an IDX image"),
                    error.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file));
        }
    }

    @Test
    void sizesPastTheArrayLimitAreRefusedEvenWithAnUnlimitedBudget() throws IOException {
        // 2^31 - 1 images of 2 x 2: under a Long.MAX_VALUE budget only the array limit stops
        // the reader, before it allocates.
        Path file = folder.resolve("huge.idx");
        Files.write(file, header(IdxReader.IMAGE_MAGIC, Integer.MAX_VALUE, 2, 2, new byte[4]));
        DataLoadException error = assertThrows(DataLoadException.class,
                () -> new IdxReader(Long.MAX_VALUE).readImages(file));
        assertTrue(error.getMessage().contains("more than one Java array holds"),
                error.getMessage());

        // Sizes read as unsigned: 0xFFFFFFFF is 4294967295, not -1.
        Path unsigned = folder.resolve("unsigned.idx");
        Files.write(unsigned, header(IdxReader.LABEL_MAGIC, -1, 0, 0, new byte[4]));
        DataLoadException labels = assertThrows(DataLoadException.class,
                () -> new IdxReader().readLabels(unsigned));
        assertTrue(labels.getMessage().contains("4294967295 labels"), labels.getMessage());
    }

    @Test
    void aFolderNamedLikeAnImageIsNotAnImage() throws IOException {
        Path images = Files.createDirectory(folder.resolve("set"));
        Files.createDirectory(images.resolve("folder.png"));
        Files.write(images.resolve("empty.png"), new byte[0]);
        DataLoadException error = assertThrows(DataLoadException.class,
                () -> ImageFolderReader.read(images));
        assertTrue(error.getMessage().startsWith("empty.png: "), error.getMessage());
    }

    // ---- mutation -------------------------------------------------------------------

    @FunctionalInterface
    private interface Reader {
        void read(Path file) throws DataLoadException;
    }

    /** Writes mutants of {@code valid} to {@code name} and reads each; returns the count. */
    private int mutateAndRead(SplittableRandom random, byte[] valid, String name, Reader reader)
            throws IOException {
        Path file = folder.resolve(name);
        int count = 0;
        for (int i = 0; i < MUTANTS_PER_FILE; i++) {
            byte[] mutant = mutate(random, valid);
            Files.write(file, mutant);
            try {
                reader.read(file);
            } catch (DataLoadException refused) {
                String message = refused.getMessage();
                assertTrue(message.contains(": ") && !message.isBlank(), message);
            } catch (RuntimeException | Error escaped) {
                fail("mutant " + i + " of " + name + " (" + mutant.length + " bytes) gave "
                        + escaped, escaped);
            }
            assertArrayEquals(mutant, Files.readAllBytes(file), "the reader changed the file");
            count++;
        }
        return count;
    }

    private static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(6)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> bytes[random.nextInt(Math.min(16, bytes.length))] ^=
                    (byte) (1 + random.nextInt(255));
            case 2 -> {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 3 -> {
                int extra = 1 + random.nextInt(40);
                bytes = Arrays.copyOf(bytes, bytes.length + extra);
                for (int k = bytes.length - extra; k < bytes.length; k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
            }
            case 4 -> {
                int at = random.nextInt(bytes.length);
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                bytes = longer;
            }
            default -> {
                int start = random.nextInt(bytes.length);
                int end = Math.min(bytes.length, start + 1 + random.nextInt(64));
                for (int k = start; k < end; k++) {
                    bytes[k] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }

    private static void checkImages(ImageSet images) {
        assertTrue(images.count() >= 1 && images.height() >= 1 && images.width() >= 1);
        assertEquals(images.height() * images.width(), images.dimension());
        for (int i = 0; i < images.count(); i++) {
            for (double value : images.image(i)) {
                assertTrue(value >= 0 && value <= 1, "pixel " + value);
            }
        }
    }

    private static void checkLabels(int[] labels) {
        assertTrue(labels.length >= 1);
        for (int label : labels) {
            assertTrue(label >= 0 && label <= 255);
        }
    }

    private static byte[] header(int magic, int first, int second, int third, byte[] data)
            throws IOException {
        int dimensions = Math.max(0, Math.min(3, magic & 0xff));
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * 3 + data.length);
        buffer.putInt(magic);
        int[] sizes = {first, second, third};
        for (int k = 0; k < 3; k++) {
            if (k < dimensions) {
                buffer.putInt(sizes[k]);
            }
        }
        buffer.put(data);
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
