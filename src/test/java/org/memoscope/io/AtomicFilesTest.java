package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("curves.csv");

        AtomicFiles.writeString(target, "gamma,q\n1.0,0.72\n");

        assertEquals("gamma,q\n1.0,0.72\n", Files.readString(target));
        assertEquals(List.of("curves.csv"), namesIn(directory));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = directory.resolve("chart.png");
        Files.writeString(target, "old content that is longer than the new one");

        AtomicFiles.write(target, new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("chart.png"), namesIn(directory));
    }

    @Test
    void streamsLargeContentInPieces() throws IOException {
        Path target = directory.resolve("big.bin");
        byte[] chunk = new byte[70_001];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31);
        }

        AtomicFiles.write(target, out -> {
            for (int i = 0; i < 5; i++) {
                out.write(chunk);
            }
            out.write(7);
            out.close();
        });

        byte[] written = Files.readAllBytes(target);
        assertEquals(5 * chunk.length + 1, written.length);
        assertEquals(chunk[12_345], written[4 * chunk.length + 12_345]);
        assertEquals(7, written[written.length - 1]);
    }

    @Test
    void leavesTheExistingFileUntouchedWhenTheWriterFails() throws IOException {
        Path target = directory.resolve("curves.csv");
        Files.writeString(target, "previous run\n");
        IOException failure = new IOException("disk on fire");

        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target,
                out -> {
                    out.write("half a tab".getBytes(StandardCharsets.UTF_8));
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals("previous run\n", Files.readString(target));
        assertEquals(List.of("curves.csv"), namesIn(directory));
    }

    @Test
    void cleansUpAfterAnUncheckedFailureToo() throws IOException {
        Path target = directory.resolve("new.csv");

        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(42);
            throw new UncheckedIOException(new IOException("broken pipe"));
        }));

        assertEquals(List.of(), namesIn(directory));
    }

    @Test
    void refusesADirectoryThatIsARegularFile() throws IOException {
        Path notADirectory = directory.resolve("file.txt");
        Files.writeString(notADirectory, "keep me");

        assertThrows(IOException.class,
                () -> AtomicFiles.writeString(notADirectory.resolve("out.csv"), "x"));

        assertEquals("keep me", Files.readString(notADirectory));
        assertEquals(List.of("file.txt"), namesIn(directory));
    }

    @Test
    void refusesToReplaceADirectory() throws IOException {
        Path target = Files.createDirectory(directory.resolve("out.csv"));

        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "x"));

        assertEquals(List.of("out.csv"), namesIn(directory));
        assertEquals(List.of(), namesIn(target));
    }

    @Test
    void givesANewFileOrdinaryPermissionsAndKeepsThoseOfAReplacedOne() throws IOException {
        if (!Files.getFileStore(directory).supportsFileAttributeView(
                PosixFileAttributeView.class)) {
            return;
        }
        Path fresh = directory.resolve("fresh.csv");
        AtomicFiles.writeString(fresh, "x");
        assertEquals("rw-r--r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path shared = directory.resolve("shared.csv");
        Files.writeString(shared, "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(shared, "new");
        assertEquals("rw-rw-r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** A symbolic link is written through: it keeps pointing at the file, now replaced. */
    @Test
    void writesThroughASymbolicLinkInsteadOfReplacingIt() throws IOException {
        Path real = Files.createDirectory(directory.resolve("real")).resolve("out.csv");
        Path link = Files.createSymbolicLink(directory.resolve("link.csv"), real);
        Path dangling = Files.createSymbolicLink(directory.resolve("dangling.csv"),
                Path.of("real", "new.csv"));

        AtomicFiles.writeString(link, "one");
        AtomicFiles.writeString(dangling, "two");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("one", Files.readString(real));
        assertTrue(Files.isSymbolicLink(dangling));
        assertEquals("two", Files.readString(directory.resolve("real/new.csv")));
    }

    /**
     * A pipe (like a device such as /dev/null) is refused and stays what it was; replacing it
     * by a regular file broke it, and as root /dev/null itself. Skipped without mkfifo.
     */
    @Test
    void refusesToReplaceAPipe() throws IOException, InterruptedException {
        Path pipe = directory.resolve("pipe");
        NamedPipes.makeOrSkip(pipe);

        IOException refused = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(pipe, "text"));

        assertEquals("not a regular file", refused.getMessage());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("pipe"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
