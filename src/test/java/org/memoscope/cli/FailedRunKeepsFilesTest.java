package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.io.NamedPipes;

/**
 * Fault suite, command line: every command refused for bad input (a garbage or future
 * preset file, a bad state text, a corrupt data file, a simulation too large for the heap)
 * exits with status 2 and one line naming the problem, and leaves an existing output file
 * byte-identical with no temporary file beside it.
 */
class FailedRunKeepsFilesTest {

    private static final byte[] EXISTING = {1, 2, 3, 'o', 'l', 'd', '\n'};

    @TempDir
    Path directory;

    @Test
    void refusedRunsOfEveryCommandKeepTheOutputFile() throws IOException {
        Path garbagePreset = Files.writeString(directory.resolve("garbage.json"),
                "{\"version\": 1, \"view\": ", StandardCharsets.UTF_8);
        Path futurePreset = Files.writeString(directory.resolve("future.json"),
                "{\"version\": 3, \"view\": \"spiked\", \"title\": \"t\", \"explanation\": \"\","
                        + " \"parameters\": {}, \"colour\": \"red\"}", StandardCharsets.UTF_8);
        Path missingFields = Files.writeString(directory.resolve("missing.json"),
                "{\"version\": 1, \"view\": \"spiked\", \"title\": \"t\"}",
                StandardCharsets.UTF_8);
        Path corruptIdx = directory.resolve("corrupt.idx");
        Files.write(corruptIdx, new byte[] {0, 0, 8, 3, 0, 0, 0, 9, 0, 0});

        List<List<String>> runs = new ArrayList<>();
        for (Path preset : List.of(garbagePreset, futurePreset, missingFields)) {
            runs.add(List.of("curves", "--preset", preset.toString()));
            runs.add(List.of("render", "--preset", preset.toString()));
        }
        runs.add(List.of("curves", "--state", "memoscope:v9;gamma=1"));
        runs.add(List.of("render", "--state", "not a state"));
        runs.add(List.of("data", "--data", corruptIdx.toString(), "--n", "4"));
        runs.add(List.of("grid", "--data", corruptIdx.toString(), "--n", "4"));
        runs.add(List.of("curves", "--simulate", "-d", "4000", "--seeds", "100000"));
        runs.add(List.of("render", "--simulate", "-d", "4000", "--seeds", "100000"));

        for (List<String> args : runs) {
            String extension = args.get(0).equals("render") || args.get(0).equals("grid")
                    ? ".png" : ".csv";
            Path output = directory.resolve("out" + extension);
            Files.write(output, EXISTING);
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("-o", output.toString()));

            CliRun run = CliRun.of(all.toArray(String[]::new));

            String what = String.join(" ", args) + ": " + run.describe();
            assertEquals(2, run.exitCode(), what);
            assertEquals(1, run.errLines().length, what);
            assertTrue(run.err().startsWith("memoscope: "), what);
            assertArrayEquals(EXISTING, Files.readAllBytes(output), what);
            try (Stream<Path> files = Files.list(directory)) {
                assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                        .filter(name -> name.startsWith("out") && !name.equals("out.csv")
                                && !name.equals("out.png")).toList(), what);
            }
        }
    }

    /**
     * A folder that refuses new files although its permission bits allow them (/proc, on
     * Linux; skipped elsewhere) is refused before any computing, for the CSV and for the
     * pair command's grid alike, and the early check leaves no file in a writable folder.
     */
    @Test
    void aFolderThatRefusesNewFilesIsReportedBeforeComputing() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        String[][] commands = {
            {"curves", "-o", "/proc/memoscope-test.csv"},
            {"data", "--data", "power-law", "--n", "10", "-o", "/proc/memoscope-test.csv"},
            {"pair", "--data", "power-law", "--n", "1", "--steps", "5", "--channels", "2",
                "--cache", directory.resolve("cache").toString(),
                "-o", directory.resolve("pair.csv").toString(),
                "--grid", "/proc/memoscope-test.png"},
        };
        for (String[] command : commands) {
            CliRun run = CliRun.of(command);
            String what = String.join(" ", command) + ": " + run.describe();
            assertEquals(1, run.exitCode(), what);
            assertTrue(run.err().contains("the folder /proc does not accept new files"), what);
        }
        assertTrue(Files.notExists(directory.resolve("cache")), "nothing was trained");

        CliRun written = CliRun.of("curves", "-o", directory.resolve("curves.csv").toString());
        assertEquals(0, written.exitCode(), written.describe());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("curves.csv"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
    }

    /**
     * An output that is a pipe or device is refused before computing (as root the atomic
     * write replaced /dev/null by a regular file); a symbolic link is written through.
     */
    @Test
    void aPipeIsRefusedAndALinkIsWrittenThrough() throws IOException, InterruptedException {
        Path pipe = directory.resolve("pipe");
        NamedPipes.makeOrSkip(pipe);

        CliRun refused = CliRun.of("curves", "-o", pipe.toString());
        assertEquals(1, refused.exitCode(), refused.describe());
        assertTrue(refused.err().contains("not a regular file"), refused.describe());
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe));

        Path real = directory.resolve("real.csv");
        Path link = Files.createSymbolicLink(directory.resolve("link.csv"), real);
        CliRun written = CliRun.of("curves", "-o", link.toString());
        assertEquals(0, written.exitCode(), written.describe());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.size(real) > 0);
    }
}
