package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed or out-of-range options: exit status 2, one line on the error stream
 * naming the option and its range, nothing written. Failures to write: status 1,
 * nothing written, an existing file kept.
 */
class BadInputTest {

    @TempDir
    Path directory;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("--beta", "0..10", List.of("curves", "--beta", "-1")),
                Arguments.of("--beta", "1 to 5", List.of("curves", "--beta", "1,2,3,4,5,6")),
                Arguments.of("--beta", "0..10", List.of("curves", "--beta", "1,,2")),
                Arguments.of("--beta", "0..10", List.of("curves", "--beta", "11")),
                Arguments.of("--lambda", "0..10", List.of("curves", "--lambda", "abc")),
                Arguments.of("--lambda", "0..10", List.of("curves", "--lambda", "NaN")),
                Arguments.of("--lambda", "0..10", List.of("curves", "--lambda", "0,5")),
                Arguments.of("--dimension", "2..100000", List.of("curves", "--dimension", "1")),
                Arguments.of("--dimension", "2..100000", List.of("curves", "-d", "2.5")),
                Arguments.of("--dimension", "2..4000",
                        List.of("curves", "--simulate", "-d", "5000")),
                Arguments.of("--points", "1..10000", List.of("curves", "--points", "0")),
                Arguments.of("--gamma-min", "0.001..1000",
                        List.of("curves", "--gamma-min", "5", "--gamma-max", "1")),
                Arguments.of("--gamma-max", "0.001..1000",
                        List.of("curves", "--gamma-max", "1e4")),
                Arguments.of("--seeds", "1..100000", List.of("curves", "--seeds", "0")),
                Arguments.of("--seed", "64", List.of("curves", "--seed", "1.5")),
                Arguments.of("--repetitions", "1..1000",
                        List.of("curves", "--repetitions", "99999999999999999999")),
                Arguments.of("--width", "200..8000", List.of("render", "--width", "10")),
                Arguments.of("--height", "200..8000", List.of("render", "--height", "9000")),
                Arguments.of("--scale", "1..4", List.of("render", "--scale", "0.5")),
                Arguments.of("--gamma", "0.01..100", List.of("render", "--gamma", "1000")),
                Arguments.of("--sim-points", "1..200", List.of("render", "--sim-points", "0")),
                Arguments.of("--scale", "64000000",
                        List.of("render", "--scale", "4", "--width", "8000")));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badOptions")
    void rejectsWithOneLineNamingTheOptionAndItsRange(String option, String range,
                                                      List<String> args) throws IOException {
        Path output = directory.resolve("out.file");
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("-o", output.toString()));

        CliRun run = CliRun.of(all.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().length, run.err());
        String line = run.errLines()[0];
        assertTrue(line.startsWith("memoscope: "), line);
        assertTrue(line.contains(option), line);
        assertTrue(line.contains(range), line);
        assertEquals(0, run.outBytes().length);
        assertFalse(Files.exists(output));
        assertEquals(List.of(), namesIn(directory));
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrorsToo() {
        for (String[] args : List.of(new String[] {"curves", "--frobnicate"},
                new String[] {"curves", "--lambda"}, new String[] {"render"},
                new String[] {"no-such-command"})) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), Arrays.toString(args) + " " + run.describe());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("memoscope: "), run.err());
        }
    }

    @Test
    void anExistingOutputIsKeptWhenTheOptionsAreRejected() throws IOException {
        Path output = Files.writeString(directory.resolve("curves.csv"), "from before\n");

        CliRun run = CliRun.of("curves", "--points", "0", "-o", output.toString());

        assertEquals(2, run.exitCode());
        assertEquals("from before\n", Files.readString(output));
        assertEquals(List.of("curves.csv"), namesIn(directory));
    }

    @Test
    void aPathUnderARegularFileCannotBeWritten() throws IOException {
        Path file = Files.writeString(directory.resolve("file.txt"), "not a directory");
        for (String command : List.of("curves", "render")) {
            String target = file.resolve("out.csv").toString();

            CliRun run = CliRun.of(command, "-o", target);

            assertEquals(1, run.exitCode(), run.describe());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("memoscope: cannot write " + target + ": "),
                    run.err());
            assertEquals(0, run.outBytes().length);
            assertEquals("not a directory", Files.readString(file));
            assertEquals(List.of("file.txt"), namesIn(directory));
        }
    }

    @Test
    void aMissingDirectoryOrADirectoryAsTargetCannotBeWritten() throws IOException {
        Path missing = directory.resolve("missing").resolve("out.csv");
        Path existingDirectory = Files.createDirectory(directory.resolve("sub"));

        for (Path target : List.of(missing, existingDirectory)) {
            CliRun run = CliRun.of("curves", "-o", target.toString());

            assertEquals(1, run.exitCode(), run.describe());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("memoscope: cannot write " + target + ": "),
                    run.err());
        }
        assertEquals(List.of("sub"), namesIn(directory));
        assertEquals(List.of(), namesIn(existingDirectory));
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted()
                    .collect(Collectors.toList());
        }
    }
}
