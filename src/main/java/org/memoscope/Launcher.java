package org.memoscope;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.memoscope.cli.MemoscopeCli;

/**
 * Entry point of the jar. With no arguments it opens the window; with a command
 * ({@code curves}, {@code render}, ...) it runs headless and exits with the
 * command's status. A plain class, not a JavaFX {@code Application}, so the jar
 * starts with JavaFX on the classpath.
 */
public final class Launcher {

    /**
     * JavaFX's own logger. On the classpath, as here by design, JavaFX warns at every start
     * that its classes come from the unnamed module; the warning means nothing to a user and
     * is silenced (errors still show). Held here so the level is not collected away.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("app")) {
            JAVAFX_LOG.setLevel(Level.SEVERE);
            org.memoscope.ui.MemoscopeApp.launchWindow(args);
            return;
        }
        System.exit(MemoscopeCli.execute(args, System.out, System.err));
    }
}
