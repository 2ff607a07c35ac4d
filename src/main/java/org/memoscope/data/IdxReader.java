package org.memoscope.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads unsigned-byte IDX files, the format of the MNIST and Fashion-MNIST distributions,
 * plain or gzip-compressed.
 *
 * <p>Format (LeCun, Cortes &amp; Burges, "The MNIST database of handwritten digits"): a 4-byte
 * magic number {@code 0x0000TTDD} (two zero bytes, the element type {@code TT}, here
 * {@code 0x08} = unsigned byte, and the number of dimensions {@code DD}), then one
 * big-endian 32-bit size per dimension, then the elements in row-major order. Images are
 * {@code 0x00000803} (count, rows, columns); labels are {@code 0x00000801} (count).
 *
 * <p>Compression is recognised by the gzip magic bytes {@code 1f 8b}, not by the file name.
 * Pixels become doubles {@code b / 255} in [0, 1]. Every check happens before the pixel array
 * is allocated: the magic number, the header length, non-zero sizes, the memory needed
 * ({@code count * rows * columns * 8} bytes) against a budget, and, for plain files, the file
 * length against the header. A compressed file is checked against the header as it is
 * decompressed. Any failure is a {@link DataLoadException} naming the file and the problem.
 */
public final class IdxReader {

    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGE_MAGIC = 0x00000803;

    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABEL_MAGIC = 0x00000801;

    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    private static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    private static final int CHUNK = 1 << 16;
    private static final double[] BYTE_TO_UNIT = byteToUnitTable();

    private final long memoryBudget;

    /** A reader whose memory budget is {@link #defaultMemoryBudget()}. */
    public IdxReader() {
        this(defaultMemoryBudget());
    }

    /** A reader that refuses files whose pixels need more than {@code memoryBudget} bytes. */
    public IdxReader(long memoryBudget) {
        if (memoryBudget < 1) {
            throw new IllegalArgumentException("memory budget must be positive, got "
                    + memoryBudget);
        }
        this.memoryBudget = memoryBudget;
    }

    /** A quarter of the largest heap this JVM may use ({@code Runtime.maxMemory() / 4}). */
    public static long defaultMemoryBudget() {
        return Runtime.getRuntime().maxMemory() / 4;
    }

    /** The largest number of bytes of pixels this reader accepts. */
    public long memoryBudget() {
        return memoryBudget;
    }

    /**
     * The images of an IDX image file ({@code 0x00000803}), as a set named after the file.
     *
     * @throws DataLoadException if the file is missing, unreadable, not an IDX image file,
     *                           inconsistent with its header, or too large for the budget
     */
    public ImageSet readImages(Path file) throws DataLoadException {
        try (IdxStream in = open(file)) {
            long[] sizes = in.readHeader(IMAGE_MAGIC, "image");
            long count = sizes[0];
            long rows = sizes[1];
            long columns = sizes[2];
            String shape = count + " images of " + rows + "x" + columns;
            long values = checkedValueCount(file, shape, Double.BYTES, count, rows, columns);
            in.checkPlainLength(values);

            double[] pixels = new double[(int) values];
            in.readUnsignedBytes(values, (bytes, length, offset) -> {
                for (int k = 0; k < length; k++) {
                    pixels[offset + k] = BYTE_TO_UNIT[bytes[k] & 0xff];
                }
            });
            in.checkNoTrailingData(values);
            return ImageSet.wrap(DataLoadException.displayName(file), file, (int) count,
                    (int) rows, (int) columns, pixels);
        } catch (IOException e) {
            throw asLoadException(file, e);
        }
    }

    /**
     * The labels of an IDX label file ({@code 0x00000801}), each in 0..255.
     *
     * @throws DataLoadException as for {@link #readImages(Path)}
     */
    public int[] readLabels(Path file) throws DataLoadException {
        try (IdxStream in = open(file)) {
            long count = in.readHeader(LABEL_MAGIC, "label")[0];
            long values = checkedValueCount(file, count + " labels", Integer.BYTES, count);
            in.checkPlainLength(values);

            int[] labels = new int[(int) values];
            in.readUnsignedBytes(values, (bytes, length, offset) -> {
                for (int k = 0; k < length; k++) {
                    labels[offset + k] = bytes[k] & 0xff;
                }
            });
            in.checkNoTrailingData(values);
            return labels;
        } catch (IOException e) {
            throw asLoadException(file, e);
        }
    }

    private long checkedValueCount(Path file, String shape, int bytesPerValue, long... sizes)
            throws DataLoadException {
        for (long size : sizes) {
            if (size == 0) {
                throw new DataLoadException(file, "header gives a zero size (" + shape + ")");
            }
        }

        double values = 1;
        for (long size : sizes) {
            values *= size;
        }
        double bytes = values * bytesPerValue;
        if (bytes > memoryBudget) {
            throw new DataLoadException(file, shape + " would need " + formatBytes(bytes)
                    + " of memory, over the budget of " + formatBytes(memoryBudget)
                    + (memoryBudget == defaultMemoryBudget()
                            ? " (a quarter of the maximum heap; a larger -Xmx raises it)" : ""));
        }
        if (values > MAX_ARRAY_LENGTH) {
            throw new DataLoadException(file, shape + " are " + (long) values
                    + " values, more than one Java array holds (" + MAX_ARRAY_LENGTH + ")");
        }
        return (long) values;
    }

    private static IdxStream open(Path file) throws DataLoadException {
        if (Files.isDirectory(file)) {
            throw new DataLoadException(file, "is a folder, not an IDX file");
        }
        try {
            long fileLength = Files.size(file);
            if (fileLength == 0) {
                throw new DataLoadException(file, "empty file (0 bytes), not an IDX file");
            }
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK);
            try {
                raw.mark(2);
                boolean gzip = raw.read() == GZIP_MAGIC_0 && raw.read() == GZIP_MAGIC_1;
                raw.reset();
                InputStream data = gzip ? new GZIPInputStream(raw, CHUNK) : raw;
                return new IdxStream(file, data, gzip, fileLength);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        } catch (IOException e) {
            throw asLoadException(file, e);
        }
    }

    private static DataLoadException asLoadException(Path file, IOException e) {
        if (e instanceof DataLoadException) {
            return (DataLoadException) e;
        }
        if (e instanceof NoSuchFileException) {
            return new DataLoadException(file, "no such file", e);
        }
        if (e instanceof AccessDeniedException) {
            return new DataLoadException(file, "permission denied", e);
        }
        if (e instanceof EOFException) {
            return new DataLoadException(file, "truncated gzip data (the stream ends early)", e);
        }
        if (e instanceof ZipException) {
            return new DataLoadException(file, "corrupt gzip data (" + e.getMessage() + ")", e);
        }
        return new DataLoadException(file, "cannot be read (" + e + ")", e);
    }

    static String formatBytes(double bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return String.format(Locale.ROOT, "%.0f bytes", value);
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static double[] byteToUnitTable() {
        double[] table = new double[256];
        for (int b = 0; b < 256; b++) {
            table[b] = b / 255.0;
        }
        return table;
    }

    /** Receives consecutive chunks of the element bytes. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(byte[] bytes, int length, int offset);
    }

    /** One open IDX file: its header and element bytes, counted as they are read. */
    private static final class IdxStream implements AutoCloseable {

        private final Path file;
        private final InputStream in;
        private final boolean gzip;
        private final long fileLength;
        private long headerLength;

        IdxStream(Path file, InputStream in, boolean gzip, long fileLength) {
            this.file = file;
            this.in = in;
            this.gzip = gzip;
            this.fileLength = fileLength;
        }

        /** Checks the magic number and returns the sizes, as unsigned values. */
        long[] readHeader(int expectedMagic, String kind) throws IOException {
            byte[] magicBytes = readHeaderBytes(4, 4);
            int magic = toInt(magicBytes, 0);
            if (magic != expectedMagic) {
                throw new DataLoadException(file, "not an IDX " + kind + " file (magic "
                        + hex(magic) + ", expected " + hex(expectedMagic) + ")" + hint(magic));
            }

            int dimensions = magic & 0xff;
            headerLength = 4 + 4L * dimensions;
            byte[] sizeBytes = readHeaderBytes(4 * dimensions, (int) headerLength);
            long[] sizes = new long[dimensions];
            for (int k = 0; k < dimensions; k++) {
                sizes[k] = Integer.toUnsignedLong(toInt(sizeBytes, 4 * k));
            }
            return sizes;
        }

        private byte[] readHeaderBytes(int length, int headerSoFar) throws IOException {
            byte[] bytes = new byte[length];
            int read = readFully(bytes, length);
            if (read < length) {
                int found = headerSoFar - length + read;
                throw new DataLoadException(file, "truncated header: expected "
                        + headerSoFar + " bytes, found " + found + decompressed());
            }
            return bytes;
        }

        /** For an uncompressed file, compares its length with the header before any reading. */
        void checkPlainLength(long values) throws DataLoadException {
            if (gzip) {
                return;
            }
            long expected = headerLength + values;
            if (fileLength < expected) {
                throw new DataLoadException(file, "truncated: expected " + expected
                        + " bytes (" + headerLength + "-byte header + " + values
                        + " data bytes), found " + fileLength);
            }
            if (fileLength > expected) {
                throw new DataLoadException(file, "longer than its header says: expected "
                        + expected + " bytes, found " + fileLength);
            }
        }

        void readUnsignedBytes(long values, ChunkConsumer consumer) throws IOException {
            byte[] buffer = new byte[CHUNK];
            long done = 0;
            while (done < values) {
                int want = (int) Math.min(CHUNK, values - done);
                int read = readFully(buffer, want);
                consumer.accept(buffer, read, (int) done);
                done += read;
                if (read < want) {
                    throw new DataLoadException(file, "truncated: expected " + values
                            + " data bytes after the header, found " + done + decompressed());
                }
            }
        }

        void checkNoTrailingData(long values) throws IOException {
            if (gzip && in.read() != -1) {
                throw new DataLoadException(file, "longer than its header says: more than "
                        + (headerLength + values) + " bytes" + decompressed());
            }
        }

        /** Reads up to {@code length} bytes; a cut-off gzip stream counts as end of data. */
        private int readFully(byte[] bytes, int length) throws IOException {
            int total = 0;
            try {
                while (total < length) {
                    int read = in.read(bytes, total, length - total);
                    if (read < 0) {
                        break;
                    }
                    total += read;
                }
            } catch (EOFException e) {
                // GZIPInputStream reports a compressed stream cut short this way.
                return total;
            }
            return total;
        }

        private String decompressed() {
            return gzip ? " (after gzip decompression)" : "";
        }

        private static String hint(int magic) {
            if (magic == LABEL_MAGIC) {
                return "; this is an IDX label file";
            }
            if (magic == IMAGE_MAGIC) {
                return "; this is an IDX image file";
            }
            if ((magic >>> 16) == 0) {
                return "; only unsigned-byte IDX files of this kind are read";
            }
            return "; an IDX file starts with two zero bytes";
        }

        private static String hex(int value) {
            return String.format(Locale.ROOT, "0x%08X", value);
        }

        private static int toInt(byte[] bytes, int offset) {
            return ((bytes[offset] & 0xff) << 24) | ((bytes[offset + 1] & 0xff) << 16)
                    | ((bytes[offset + 2] & 0xff) << 8) | (bytes[offset + 3] & 0xff);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
