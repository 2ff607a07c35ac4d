package org.memoscope.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.memoscope.io.AtomicFiles;

/**
 * Writes unsigned-byte IDX files (see {@link IdxReader} for the format), plain or gzip.
 *
 * <p>Image values are quantised as {@code round(255 * v)}, clamped to 0..255, so a set read
 * by {@link IdxReader} and written again is unchanged. Files are written through
 * {@link AtomicFiles}, so a failed write leaves no half-written file behind.
 */
public final class IdxWriter {

    /** How the bytes are stored. */
    public enum Compression {
        /** The IDX bytes as they are. */
        PLAIN,
        /** The IDX bytes inside a gzip stream, as Fashion-MNIST is distributed. */
        GZIP
    }

    private IdxWriter() {
    }

    /** Writes {@code images} as an IDX image file ({@code 0x00000803}). */
    public static void writeImages(Path file, ImageSet images, Compression compression)
            throws IOException {
        byte[] bytes = new byte[images.count() * images.dimension()];
        double[] pixels = images.copyPixels();
        for (int k = 0; k < bytes.length; k++) {
            long level = Math.round(255 * pixels[k]);
            bytes[k] = (byte) Math.max(0, Math.min(255, level));
        }
        writeImages(file, images.count(), images.height(), images.width(), bytes, compression);
    }

    /** Writes {@code count} images of {@code rows x columns} unsigned bytes, image by image. */
    public static void writeImages(Path file, int count, int rows, int columns, byte[] pixels,
                                   Compression compression) throws IOException {
        if ((long) count * rows * columns != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + rows + "x" + columns
                    + " need " + (long) count * rows * columns + " bytes, got "
                    + pixels.length);
        }
        write(file, IdxReader.IMAGE_MAGIC, new int[] {count, rows, columns}, pixels,
                compression);
    }

    /** Writes an IDX label file ({@code 0x00000801}); each label must be in 0..255. */
    public static void writeLabels(Path file, int[] labels, Compression compression)
            throws IOException {
        byte[] bytes = new byte[labels.length];
        for (int k = 0; k < labels.length; k++) {
            if (labels[k] < 0 || labels[k] > 255) {
                throw new IllegalArgumentException("label " + k + " is " + labels[k]
                        + ", outside 0..255");
            }
            bytes[k] = (byte) labels[k];
        }
        write(file, IdxReader.LABEL_MAGIC, new int[] {labels.length}, bytes, compression);
    }

    private static void write(Path file, int magic, int[] sizes, byte[] data,
                              Compression compression) throws IOException {
        AtomicFiles.write(file, target -> {
            OutputStream packed = compression == Compression.GZIP
                    ? new GZIPOutputStream(target, 1 << 16) : target;
            DataOutputStream out = new DataOutputStream(packed);
            out.writeInt(magic);
            for (int size : sizes) {
                out.writeInt(size);
            }
            out.write(data);
            out.flush();
            if (packed instanceof GZIPOutputStream) {
                ((GZIPOutputStream) packed).finish();
            }
        });
    }
}
