package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.memoscope.data.IdxWriter.Compression;

/** IDX reading and writing: round trips, and a clear refusal for each kind of bad file. */
class IdxReaderTest {

    @TempDir
    Path folder;

    private final IdxReader reader = new IdxReader();

    @ParameterizedTest
    @EnumSource(Compression.class)
    void imagesSurviveARoundTrip(Compression compression) throws IOException {
        byte[] pixels = randomBytes(7 * 5 * 3, 11);
        Path file = folder.resolve("images-" + compression + ".idx");
        IdxWriter.writeImages(file, 7, 5, 3, pixels, compression);

        ImageSet images = reader.readImages(file);

        assertEquals(7, images.count());
        assertEquals(5, images.height());
        assertEquals(3, images.width());
        assertEquals(file.getFileName().toString(), images.name());
        assertEquals(file, images.source().orElseThrow());
        double[] values = images.copyPixels();
        for (int k = 0; k < pixels.length; k++) {
            assertEquals((pixels[k] & 0xff) / 255.0, values[k], 0.0, "pixel " + k);
        }
        assertEquals(pixels[3 * 15 + 2 * 3 + 1] & 0xff, Math.round(255 * images.pixel(3, 2, 1)));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void writingAReadSetGivesTheSameFile(Compression compression) throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        IdxWriter.writeImages(first, 4, 6, 6, randomBytes(4 * 36, 12), Compression.PLAIN);

        IdxWriter.writeImages(second, reader.readImages(first), compression);

        assertArrayEquals(reader.readImages(first).copyPixels(),
                reader.readImages(second).copyPixels());
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void labelsSurviveARoundTrip(Compression compression) throws IOException {
        int[] labels = {0, 9, 3, 255, 7};
        Path file = folder.resolve("labels");
        IdxWriter.writeLabels(file, labels, compression);

        assertArrayEquals(labels, reader.readLabels(file));
    }

    @Test
    void compressionIsRecognisedByContentNotName() throws IOException {
        byte[] pixels = randomBytes(2 * 4 * 4, 13);
        Path gzipNamedPlain = folder.resolve("images.idx");
        Path plainNamedGzip = folder.resolve("images.idx.gz");
        IdxWriter.writeImages(gzipNamedPlain, 2, 4, 4, pixels, Compression.GZIP);
        IdxWriter.writeImages(plainNamedGzip, 2, 4, 4, pixels, Compression.PLAIN);

        assertArrayEquals(reader.readImages(plainNamedGzip).copyPixels(),
                reader.readImages(gzipNamedPlain).copyPixels());
    }

    @Test
    void labelFileReadAsImagesNamesBothMagicNumbers() throws IOException {
        Path file = folder.resolve("train-images.gz");
        IdxWriter.writeLabels(file, new int[] {1, 2, 3}, Compression.GZIP);

        assertProblem(() -> reader.readImages(file), file,
                "not an IDX image file (magic 0x00000801, expected 0x00000803)");
    }

    @Test
    void imageFileReadAsLabelsIsRefused() throws IOException {
        Path file = folder.resolve("images");
        IdxWriter.writeImages(file, 1, 2, 2, new byte[4], Compression.PLAIN);

        assertProblem(() -> reader.readLabels(file), file,
                "not an IDX label file (magic 0x00000803, expected 0x00000801)");
    }

    @Test
    void truncatedPlainDataNamesExpectedAndFoundLengths() throws IOException {
        Path file = folder.resolve("cut.idx");
        IdxWriter.writeImages(file, 10, 4, 4, randomBytes(160, 14), Compression.PLAIN);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 30));

        assertProblem(() -> reader.readImages(file), file,
                "truncated: expected 176 bytes (16-byte header + 160 data bytes), found 146");
    }

    @Test
    void truncatedCompressedDataNamesExpectedAndFoundLengths() throws IOException {
        Path file = folder.resolve("cut.idx.gz");
        Files.write(file, gzip(idxImageHeader(10, 4, 4), new byte[100]));

        assertProblem(() -> reader.readImages(file), file,
                "truncated: expected 160 data bytes after the header, found 100"
                        + " (after gzip decompression)");
    }

    @Test
    void gzipStreamCutShortIsTruncated() throws IOException {
        Path file = folder.resolve("cut-stream.gz");
        byte[] whole = gzip(idxImageHeader(50, 8, 8), randomBytes(50 * 64, 15));
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> reader.readImages(file));
        assertTrue(error.getMessage().startsWith("cut-stream.gz: truncated"),
                error.getMessage());
    }

    @Test
    void corruptDeflateDataIsNamed() throws IOException {
        Path file = folder.resolve("corrupt.gz");
        // A gzip header (deflate, no flags) followed by a block of the reserved type 3.
        byte[] bytes = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 0x07, 0, 0};
        Files.write(file, bytes);

        assertProblem(() -> reader.readImages(file), file, "corrupt gzip data");
    }

    @Test
    void wrongGzipChecksumIsNamed() throws IOException {
        Path file = folder.resolve("checksum.gz");
        byte[] bytes = gzip(idxImageHeader(3, 4, 4), randomBytes(48, 16));
        bytes[bytes.length - 8] ^= 0x55;
        Files.write(file, bytes);

        assertProblem(() -> reader.readImages(file), file, "corrupt gzip data");
    }

    @Test
    void dataBeyondTheHeaderIsRefused() throws IOException {
        Path file = folder.resolve("long.idx");
        Files.write(file, concat(idxImageHeader(2, 2, 2), new byte[9]));

        assertProblem(() -> reader.readImages(file), file,
                "longer than its header says: expected 24 bytes, found 25");
    }

    @Test
    void truncatedHeaderNamesExpectedAndFoundLengths() throws IOException {
        Path file = folder.resolve("header.idx");
        Files.write(file, Arrays.copyOf(idxImageHeader(10, 28, 28), 9));

        assertProblem(() -> reader.readImages(file), file,
                "truncated header: expected 16 bytes, found 9");
    }

    @Test
    void fileShorterThanAMagicNumberIsATruncatedHeader() throws IOException {
        Path file = folder.resolve("tiny.idx");
        Files.write(file, new byte[] {0, 0});

        assertProblem(() -> reader.readImages(file), file,
                "truncated header: expected 4 bytes, found 2");
    }

    @Test
    void zeroSizesAreRefused() throws IOException {
        Path file = folder.resolve("zero.idx");
        Files.write(file, idxImageHeader(5, 0, 28));

        assertProblem(() -> reader.readImages(file), file,
                "header gives a zero size (5 images of 0x28)");
    }

    @Test
    void setsOverTheMemoryBudgetAreRefusedBeforeReading() throws IOException {
        Path file = folder.resolve("big.idx");
        IdxWriter.writeImages(file, 100, 28, 28, new byte[100 * 28 * 28], Compression.PLAIN);
        IdxReader smallBudget = new IdxReader(100_000);

        assertProblem(() -> smallBudget.readImages(file), file,
                "100 images of 28x28 would need 612.5 KB of memory, over the budget of 97.7 KB");
    }

    @Test
    void absurdSizesAreRefusedWithoutAllocating() throws IOException {
        // Allocating 2^31 x 2^31 x 65535 doubles would throw OutOfMemoryError, not this.
        Path file = folder.resolve("absurd.idx.gz");
        Files.write(file, gzip(idxImageHeader(0x80000000, 0x80000000, 0xffff), new byte[0]));

        DataLoadException error = assertThrows(DataLoadException.class,
                () -> reader.readImages(file));
        assertTrue(error.getMessage().startsWith(
                "absurd.idx.gz: 2147483648 images of 2147483648x65535 would need"),
                error.getMessage());
        assertTrue(error.getMessage().contains("over the budget"), error.getMessage());
    }

    @Test
    void garbageIsNotAnIdxFile() throws IOException {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "these are not images\n", StandardCharsets.UTF_8);

        assertProblem(() -> reader.readImages(file), file,
                "not an IDX image file (magic 0x74686573, expected 0x00000803)");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = folder.resolve("empty.idx");
        Files.write(file, new byte[0]);

        assertProblem(() -> reader.readImages(file), file, "empty file");
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("missing.idx");

        assertProblem(() -> reader.readImages(file), file, "no such file");
    }

    @Test
    void folderIsNotAnIdxFile() {
        assertProblem(() -> reader.readImages(folder), folder, "is a folder");
    }

    @Test
    void defaultBudgetIsAQuarterOfTheMaximumHeap() {
        assertEquals(Runtime.getRuntime().maxMemory() / 4, new IdxReader().memoryBudget());
    }

    private static void assertProblem(ReadAction action, Path file, String problem) {
        DataLoadException error = assertThrows(DataLoadException.class, action::run);
        String name = file.getFileName().toString();
        assertTrue(error.getMessage().startsWith(name + ": "),
                "message should name " + name + ": " + error.getMessage());
        assertTrue(error.getMessage().contains(problem),
                "message should say '" + problem + "': " + error.getMessage());
        assertEquals(file, error.file());
    }

    @FunctionalInterface
    private interface ReadAction {
        void run() throws DataLoadException;
    }

    static byte[] idxImageHeader(int count, int rows, int columns) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(IdxReader.IMAGE_MAGIC);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(columns);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] header, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(header);
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
