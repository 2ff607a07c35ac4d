package org.memoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.memoscope.io.AtomicFiles;

/**
 * Where a command's result goes: standard output for {@code -}, otherwise a file
 * replaced atomically, so a failed run leaves no partial file and an existing file
 * untouched. Failures become {@link CliFailure}s reading
 * {@code cannot write <path>: <reason>}.
 */
final class OutputTarget {

    /** The name that stands for standard output. */
    static final String STANDARD_OUTPUT = "-";

    private final String name;
    private final Path path;

    private OutputTarget(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    /** The target named on the command line; the name is not checked yet. */
    static OutputTarget named(String name) {
        if (name.equals(STANDARD_OUTPUT)) {
            return new OutputTarget(name, null);
        }
        try {
            return new OutputTarget(name, Path.of(name));
        } catch (InvalidPathException invalid) {
            throw new CliFailure(cannotWrite(name, "not a valid path"), invalid);
        }
    }

    boolean isStandardOutput() {
        return path == null;
    }

    /**
     * Fails early, before any computing, when the file plainly cannot be written:
     * a missing directory, a directory in the way, a regular file where a directory
     * should be, a device or pipe (the atomic write would replace it by a file), or a
     * directory that refuses new files. The last is tried by creating and deleting an empty
     * file there, as the atomic write will (permission bits alone say
     * nothing for the superuser or for file systems such as /proc). The write itself may
     * still fail later, and is reported alike.
     */
    void checkWritable() {
        if (path == null) {
            return;
        }
        Path absolute;
        try {
            absolute = AtomicFiles.destination(path);
        } catch (IOException loop) {
            throw new CliFailure(cannotWrite(name, reason(loop)), loop);
        }
        if (Files.isDirectory(absolute)) {
            throw new CliFailure(cannotWrite(name, "is a directory"), null);
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device or pipe would be replaced by a file (as root, /dev/null itself).
            throw new CliFailure(cannotWrite(name, "not a regular file (use - for the"
                    + " standard output)"), null);
        }
        Path directory = absolute.getParent();
        if (directory == null) {
            throw new CliFailure(cannotWrite(name, "not a file path"), null);
        }
        for (Path ancestor = directory; ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.isDirectory(ancestor)) {
                break;
            }
            if (Files.exists(ancestor)) {
                throw new CliFailure(cannotWrite(name, ancestor + " is not a directory"), null);
            }
        }
        if (!Files.isDirectory(directory)) {
            throw new CliFailure(cannotWrite(name, "no such directory " + directory), null);
        }
        if (!Files.isWritable(directory)) {
            throw new CliFailure(cannotWrite(name, "permission denied"), null);
        }
        try {
            Path probe = Files.createTempFile(directory, ".memoscope-check-", ".tmp");
            Files.deleteIfExists(probe);
        } catch (IOException | SecurityException refused) {
            String reason = refused instanceof NoSuchFileException
                    ? "the folder " + directory + " does not accept new files"
                    : refused instanceof IOException io ? reason(io) : "permission denied";
            throw new CliFailure(cannotWrite(name, reason), refused);
        }
    }

    /** Writes {@code bytes} in one piece to standard output or atomically to the file. */
    void write(byte[] bytes, PrintStream out) {
        if (path == null) {
            out.write(bytes, 0, bytes.length);
            out.flush();
            if (out.checkError()) {
                throw new CliFailure(cannotWrite("standard output", "write error"), null);
            }
            return;
        }
        try {
            AtomicFiles.write(path, bytes);
        } catch (IOException failure) {
            throw new CliFailure(cannotWrite(name, reason(failure)), failure);
        }
    }

    private static String cannotWrite(String name, String reason) {
        return "cannot write " + name + ": " + reason;
    }

    /** A short human reason for an I/O failure, without the path repeated. */
    static String reason(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException missing) {
            Path file = missing.getFile() == null ? null : Path.of(missing.getFile());
            Path folder = file == null ? null : file.toAbsolutePath().getParent();
            return folder != null && Files.isDirectory(folder)
                    ? "the folder " + folder + " does not accept new files"
                    : "no such file or directory";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        String message = failure.getMessage();
        return message == null || message.isBlank()
                ? failure.getClass().getSimpleName()
                : message.replaceAll("\\s+", " ").strip();
    }
}
