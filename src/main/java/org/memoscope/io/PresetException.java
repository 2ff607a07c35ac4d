package org.memoscope.io;

import java.io.IOException;

/**
 * A preset that cannot be used: unreadable, not JSON, or a field missing, of the
 * wrong type or out of range. The message reads "source: field: problem" and is
 * fit to show the user as it is.
 */
public final class PresetException extends IOException {

    private final String source;

    public PresetException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
    }

    public PresetException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    /** The file or preset name the problem is in. */
    public String source() {
        return source;
    }
}
