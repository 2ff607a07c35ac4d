package org.memoscope.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the command line with its output and error streams captured. */
record CliRun(int exitCode, byte[] outBytes, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = MemoscopeCli.execute(args, outStream, errStream);
        }
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    String out() {
        return new String(outBytes, StandardCharsets.UTF_8);
    }

    /** The error stream's lines, without the final line end. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.strip().split("\\R");
    }

    String describe() {
        return "exit " + exitCode + ", err: " + err;
    }
}
