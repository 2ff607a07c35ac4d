package org.memoscope;

import org.memoscope.cli.MemoscopeCli;

/**
 * Entry point of the jar. With no arguments it opens the window; with a command
 * ({@code curves}, {@code render}, ...) it runs headless and exits with the
 * command's status. A plain class, not a JavaFX {@code Application}, so the jar
 * starts with JavaFX on the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("app")) {
            org.memoscope.ui.MemoscopeApp.launchWindow(args);
            return;
        }
        System.exit(MemoscopeCli.execute(args, System.out, System.err));
    }
}
