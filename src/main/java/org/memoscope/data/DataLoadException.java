package org.memoscope.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A data file or folder that could not be turned into an {@link ImageSet}.
 *
 * <p>The message reads {@code "<file name>: <problem>"}, in plain words, so that it can be shown
 * to a user as it is, for example
 * {@code "train-images.gz: not an IDX image file (magic 0x00000801, expected 0x00000803)"}.
 * The full path stays available through {@link #file()}.
 *
 * <p>Checked, and a subclass of {@link IOException}: a bad file is an expected outcome that the
 * window and the command line must report rather than crash on, and callers that already handle
 * I/O errors handle this one too.
 */
public final class DataLoadException extends IOException {

    private final transient Path file;
    private final String problem;

    /** A problem with {@code file}, described by {@code problem} (without the file name). */
    public DataLoadException(Path file, String problem) {
        this(file, problem, null);
    }

    /** As {@link #DataLoadException(Path, String)}, keeping the low-level {@code cause}. */
    public DataLoadException(Path file, String problem, Throwable cause) {
        super(displayName(file) + ": " + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file or folder that failed to load. */
    public Path file() {
        return file;
    }

    /** What went wrong, without the file name. */
    public String problem() {
        return problem;
    }

    static String displayName(Path file) {
        if (file == null) {
            return "(no file)";
        }
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }
}
