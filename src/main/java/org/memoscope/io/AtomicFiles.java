package org.memoscope.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that readers see either the old content or the complete new
 * content, never a partial file.
 *
 * <p>The content goes to a temporary file in the target's own directory (so the
 * final rename stays on one file system), is forced to disk, and the temporary
 * file is then renamed over the target with an atomic move. Only where the file
 * system refuses an atomic move does it fall back to a plain replacing move. On
 * any failure, including one thrown by the caller's writer, the temporary file
 * is deleted and the target is left as it was.
 */
public final class AtomicFiles {

    /** Produces a file's content; may throw, in which case nothing is written. */
    @FunctionalInterface
    public interface ContentWriter {

        /**
         * Writes the whole content to {@code out}. Must not close {@code out}
         * (closing is harmless but unnecessary).
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_SUFFIX = ".tmp";
    private static final int MAX_LINKS = 40;
    private static final int BUFFER_SIZE = 1 << 16;
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS =
            PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code bytes}, atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8, atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code target} with whatever {@code writer} produces, atomically.
     *
     * @throws IOException if the directory cannot hold a new file, the writer
     *                     fails, or the rename fails; the target is then unchanged
     */
    public static void write(Path target, ContentWriter writer) throws IOException {
        Path absolute = destination(target);
        Path directory = absolute.getParent();
        Path fileName = absolute.getFileName();
        if (directory == null || fileName == null) {
            throw new IOException("not a file path");
        }
        if (Files.isDirectory(absolute)) {
            throw new IOException("is a directory");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw new IOException("not a regular file");
        }

        Path temp = Files.createTempFile(directory, "." + fileName + ".", TEMP_SUFFIX);
        try {
            writeAndSync(temp, writer);
            matchPermissions(temp, absolute);
            moveIntoPlace(temp, absolute);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /**
     * The absolute file a write to {@code target} replaces: through any symbolic links, so a
     * link keeps pointing at the new content instead of being replaced by a file.
     *
     * @throws IOException when the links go round in a loop
     */
    public static Path destination(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(file); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("too many levels of symbolic links");
            }
            Path parent = file.getParent();
            file = parent.resolve(Files.readSymbolicLink(file)).toAbsolutePath();
        }
        return file;
    }

    private static void writeAndSync(Path temp, ContentWriter writer) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel),
                    BUFFER_SIZE);
            writer.writeTo(new UnclosableStream(out));
            out.flush();
            channel.force(true);
        }
    }

    /**
     * A temporary file is private to its owner; give it the permissions of the
     * file it replaces, or those of an ordinary new file, so the rename does not
     * make the output unreadable to others.
     */
    private static void matchPermissions(Path temp, Path target) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : NEW_FILE_PERMISSIONS;
        Files.setPosixFilePermissions(temp, permissions);
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Keeps a writer from closing the channel before it has been forced to disk. */
    private static final class UnclosableStream extends OutputStream {

        private final OutputStream delegate;

        UnclosableStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }

        @Override
        public void close() throws IOException {
            delegate.flush();
        }
    }
}
