package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code memoscope pair}: bad options exit 2 with one line; a tiny run writes CSV and PNG. */
class PairCommandTest {

    @TempDir
    Path directory;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("--n", List.of("--n", "0")),
                Arguments.of("--n", List.of("--n", "1,,4")),
                Arguments.of("twice", List.of("--n", "2,1,2")),
                Arguments.of("--grid", List.of("--grid", "-")),
                Arguments.of("not a folder", List.of("--data", "powerlaw", "--cache", "pom.xml")),
                Arguments.of("--size", List.of("--size", "7")),
                Arguments.of("--size", List.of("--size", "10", "--levels", "3")),
                Arguments.of("--steps", List.of("--steps", "0")),
                Arguments.of("--batch", List.of("--batch", "x")),
                Arguments.of("--channels", List.of("--channels", "65")),
                Arguments.of("--samples", List.of("--samples", "2")),
                Arguments.of("--grid-n", List.of("--n", "1,4", "--grid-n", "2")),
                Arguments.of("--no-cache", List.of("--cache", "x", "--no-cache")),
                Arguments.of("no-such-file", List.of("--data", "no-such-file")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOptions")
    void badOptionsExitTwoWithOneLine(String mentioned, List<String> args) {
        Path output = directory.resolve("pair.csv");
        List<String> all = new ArrayList<>(List.of("pair", "--quiet"));
        all.addAll(args);
        if (!args.contains("--cache")) {
            all.add("--no-cache");
        }
        all.addAll(List.of("-o", output.toString()));

        CliRun run = CliRun.of(all.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith("memoscope: "), run.err());
        assertTrue(run.errLines()[0].contains(mentioned), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void tinyRunWritesCsvAndGrid() throws IOException {
        Path csv = directory.resolve("pair.csv");
        Path png = directory.resolve("grid.png");
        CliRun run = CliRun.of("pair", "--data", "powerlaw", "--size", "8", "--n", "1,2",
                "--steps", "5", "--batch", "4", "--channels", "2", "--samples", "8",
                "--no-linear", "--cache", directory.resolve("cache").toString(), "--quiet",
                "-o", csv.toString(), "--grid", png.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> rows = lines.stream().filter(line -> !line.startsWith("#")).toList();
        assertEquals(3, rows.size(), lines.toString());
        assertTrue(rows.get(0).startsWith("n,regime,m,"), rows.get(0));
        assertTrue(rows.get(1).startsWith("1,"), rows.get(1));
        byte[] image = Files.readAllBytes(png);
        assertEquals((byte) 0x89, image[0]);
        assertEquals('P', image[1]);
    }
}
