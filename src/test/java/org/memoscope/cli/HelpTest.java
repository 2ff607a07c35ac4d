package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpTest {

    /** A documented range such as 2..100000, 0..1e6 or 0.01..100. */
    private static final Pattern RANGE = Pattern.compile("\\d\\.\\.\\s?\\d");

    @Test
    void topLevelHelpListsTheCommands() {
        CliRun run = CliRun.of("--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        assertTrue(run.out().contains("Usage: memoscope"), run.out());
        assertTrue(run.out().contains("curves"), run.out());
        assertTrue(run.out().contains("render"), run.out());
        assertTrue(run.out().contains("Exit status"), run.out());
    }

    @Test
    void eachCommandDocumentsEveryOption() {
        for (String command : List.of("curves", "render")) {
            CliRun run = CliRun.of(command, "--help");

            assertEquals(0, run.exitCode(), run.describe());
            assertEquals("", run.err());
            CommandLine commandLine = MemoscopeCli.commandLine(quiet(), quiet())
                    .getSubcommands().get(command);
            for (OptionSpec option : commandLine.getCommandSpec().options()) {
                assertTrue(run.out().contains(option.longestName()),
                        command + " help lacks " + option.longestName());
                String description = String.join(" ", option.description());
                assertTrue(!description.isBlank(), option.longestName());
                if (takesANumber(option)) {
                    assertTrue(RANGE.matcher(description).find() || description.contains("64-bit"),
                            option.longestName() + " documents no range: " + description);
                }
            }
        }
    }

    @Test
    void helpCommandAndVersionWork() {
        CliRun help = CliRun.of("help", "render");
        assertEquals(0, help.exitCode(), help.describe());
        assertTrue(help.out().contains("--width"), help.out());

        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode(), version.describe());
        assertTrue(version.out().startsWith("memoscope "), version.out());

        CliRun commandVersion = CliRun.of("curves", "--version");
        assertEquals(0, commandVersion.exitCode(), commandVersion.describe());
    }

    @Test
    void aMissingCommandIsAUsageError() {
        CliRun run = CliRun.of(new String[0]);

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("memoscope: "), run.err());
    }

    private static boolean takesANumber(OptionSpec option) {
        return option.arity().max() > 0 && !List.of("--output", "--preset", "--state", "--format")
                .contains(option.longestName());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
