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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault suite, determinism and memory at the command line: {@code curves --simulate}
 * writes byte-identical CSV twice in a row and in a separate JVM whose simulation runs on
 * one thread and sees one processor; a simulation too large for the heap exits 2 with a
 * one-line message, in this JVM and in one started with a 48 MB heap, and leaves an
 * existing output file byte-identical.
 */
class CliDeterminismTest {

    private static final List<String> SIMULATED_CURVES = List.of("curves", "--simulate",
            "-d", "120", "--beta", "0.5,3", "--lambda", "0.3", "--seeds", "16",
            "--repetitions", "2", "--points", "9", "--seed", "77");
    private static final byte[] EXISTING = "gamma,q\n1,0.72\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void simulatedCsvIsTheSameTwiceAndOnOneThreadInAnotherJvm() throws Exception {
        Path first = directory.resolve("first.csv");
        Path second = directory.resolve("second.csv");
        Path forked = directory.resolve("forked.csv");

        assertEquals(0, CliRun.of(withOutput(SIMULATED_CURVES, first)).exitCode());
        assertEquals(0, CliRun.of(withOutput(SIMULATED_CURVES, second)).exitCode());
        Forked run = fork(List.of("-Dmemoscope.simulation.threads=1",
                "-XX:ActiveProcessorCount=1"), List.of(withOutput(SIMULATED_CURVES, forked)));

        assertEquals(0, run.exitCode(), run.err());
        byte[] expected = Files.readAllBytes(first);
        assertTrue(new String(expected, StandardCharsets.UTF_8).contains("q_sim"));
        assertArrayEquals(expected, Files.readAllBytes(second), "twice in a row");
        assertArrayEquals(expected, Files.readAllBytes(forked), "one thread, other JVM");
    }

    @Test
    void tooManySeedsForTheHeapExitTwoAndKeepTheFile() throws IOException {
        Path output = directory.resolve("kept.csv");
        Files.write(output, EXISTING);

        CliRun run = CliRun.of("curves", "--simulate", "-d", "4000", "--seeds", "100000",
                "-o", output.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith("memoscope: "), run.err());
        assertTrue(run.err().contains("of memory") && run.err().contains("-Xmx"), run.err());
        assertArrayEquals(EXISTING, Files.readAllBytes(output));
    }

    @Test
    void aSmallHeapGivesExitTwoNotOutOfMemory() throws Exception {
        Path output = directory.resolve("kept.csv");
        Files.write(output, EXISTING);

        Forked run = fork(List.of("-Xmx48m"), List.of("curves", "--simulate", "-d", "2000",
                "-o", output.toString()));

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("of memory"), run.err());
        assertTrue(!run.err().contains("OutOfMemoryError"), run.err());
        assertArrayEquals(EXISTING, Files.readAllBytes(output));
    }

    private static String[] withOutput(List<String> args, Path output) {
        List<String> all = new ArrayList<>(args);
        all.add("-o");
        all.add(output.toString());
        return all.toArray(String[]::new);
    }

    private record Forked(int exitCode, String err) {
    }

    /** Runs the Launcher in a new JVM on this test's class path. */
    private Forked fork(List<String> jvmOptions, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Djava.awt.headless=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.memoscope.Launcher");
        command.addAll(args);
        Path err = directory.resolve("forked-err.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("forked JVM did not finish in 120 s");
        }
        return new Forked(process.exitValue(), Files.readString(err));
    }
}
