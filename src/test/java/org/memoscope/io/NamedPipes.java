package org.memoscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests of outputs that are not regular files. */
public final class NamedPipes {

    private NamedPipes() {
    }

    /**
     * Makes a named pipe at {@code path} with {@code mkfifo}; skips the calling test (a JUnit
     * assumption) where that command is missing or fails.
     */
    public static void makeOrSkip(Path path) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noMkfifo) {
            Assumptions.abort("no mkfifo");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(path));
    }
}
