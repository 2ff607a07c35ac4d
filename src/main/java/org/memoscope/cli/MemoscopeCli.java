package org.memoscope.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The headless command line: {@code memoscope curves} (CSV of the order
 * parameters), {@code memoscope render} (the explorer's chart as PNG, SVG or
 * CSV of the plotted series) and {@code memoscope presets} (the built-in presets).
 *
 * <p>Every option is checked against its range while the arguments are parsed,
 * before anything is computed. Exit status: 0 on success, 2 for a usage error
 * (a malformed or out-of-range option, reported in one line naming the option and
 * its accepted range), 1 for a failure while running (reported in one line).
 * Messages start with {@code "memoscope: "} and go to the error stream; results
 * go to a file, replaced atomically, or to the output stream. Uses Java2D only,
 * with {@code java.awt.headless} on, so it runs without a display.
 */
public final class MemoscopeCli {

    /** Exit status of a run that failed while working. */
    public static final int FAILURE = 1;
    /** Exit status of a run refused because of its arguments. */
    public static final int USAGE = 2;

    private static final String PREFIX = "memoscope: ";

    private MemoscopeCli() {
    }

    /** Runs the command line; returns the exit status (0 ok, 2 bad usage, 1 failure). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            return commandLine(out, err).execute(args);
        } catch (OutOfMemoryError exhausted) {
            err.println(PREFIX + "out of memory; try a smaller --dimension, fewer --points "
                    + "or a larger heap (java -Xmx...)");
            return FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The configured command tree, writing help to {@code out} and messages to {@code err}. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new Root(err));
        cli.addSubcommand(new CurvesCommand(out));
        cli.addSubcommand(new RenderCommand(out));
        cli.addSubcommand(new PresetsCommand(out));
        cli.addSubcommand(new DataCommand(out));
        cli.addSubcommand(new GridCommand(out));
        cli.addSubcommand(new PairCommand(out, err));
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((problem, args) -> usageError(err, problem));
        cli.setExecutionExceptionHandler((problem, command, parsed) -> {
            if (problem instanceof ParameterException usage) {
                return usageError(err, usage);
            }
            if (problem instanceof BadInput bad) {
                err.println(PREFIX + oneLine(bad.getMessage()));
                return USAGE;
            }
            if (problem instanceof CliFailure failure) {
                err.println(PREFIX + oneLine(failure.getMessage()));
                return FAILURE;
            }
            err.println(PREFIX + command.getCommandName() + " failed: " + describe(problem));
            return FAILURE;
        });
        return cli;
    }

    private static int usageError(PrintStream err, ParameterException problem) {
        String command = problem.getCommandLine().getCommandSpec().qualifiedName();
        err.println(PREFIX + oneLine(problem.getMessage())
                + " (see '" + command + " --help')");
        return USAGE;
    }

    private static String describe(Throwable problem) {
        String message = problem.getMessage();
        String kind = problem.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + oneLine(message);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }

    /** The top-level command: only dispatches to its subcommands. */
    @Command(name = "memoscope", mixinStandardHelpOptions = true,
            versionProvider = Version.class,
            description = {
                "Memoscope explores memorisation, convergence and latent recovery in the "
                        + "spiked linear generative model. Without arguments (or with 'app') "
                        + "the jar opens the window; with a command it runs headless.",
                ""},
            commandListHeading = "%nCommands:%n",
            footer = {"", "Exit status: 0 success, 1 failure while running, "
                    + "2 invalid options. Run 'memoscope <command> --help' for its options."})
    static final class Root implements Callable<Integer> {

        private final PrintStream err;

        Root(PrintStream err) {
            this.err = err;
        }

        @Override
        public Integer call() {
            err.println(PREFIX + "missing command: one of curves, render, presets, data, grid, pair "
                    + "(see 'memoscope --help')");
            return USAGE;
        }
    }

    /** The version recorded in the jar by the build, or a note that there is none. */
    static final class Version implements CommandLine.IVersionProvider {

        private static final String POM_PROPERTIES =
                "/META-INF/maven/org.memoscope/memoscope/pom.properties";

        @Override
        public String[] getVersion() {
            return new String[] {"memoscope " + version(),
                "Java " + System.getProperty("java.version")};
        }

        static String version() {
            try (InputStream in = MemoscopeCli.class.getResourceAsStream(POM_PROPERTIES)) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    String version = properties.getProperty("version");
                    if (version != null && !version.isBlank()) {
                        return version.strip();
                    }
                }
            } catch (IOException unreadable) {
                // Fall through: a version is a courtesy, not a reason to fail.
            }
            String implementation = MemoscopeCli.class.getPackage().getImplementationVersion();
            return implementation != null ? implementation : "(development build)";
        }
    }
}
