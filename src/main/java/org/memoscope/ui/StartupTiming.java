package org.memoscope.ui;

import java.time.Duration;
import java.time.Instant;

import javafx.scene.Scene;

/**
 * Logs, once, how long after the start of the process the window's first frame was laid
 * out, with the theory curves already in the chart (the explorer computes them before the
 * window opens), and the CPU time the process had used by then, which depends less on
 * the machine's other load. A maintainer's figure for the start-up target (first curves
 * within 2 s); {@code bench/window.sh} reads it from the log.
 */
final class StartupTiming {

    private static final System.Logger LOG = System.getLogger(StartupTiming.class.getName());

    private StartupTiming() {
    }

    /** Logs at INFO when {@code scene} has been laid out for its first frame. */
    static void logFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            ProcessHandle.Info process = ProcessHandle.current().info();
            Instant started = process.startInstant().orElse(null);
            Runtime runtime = Runtime.getRuntime();
            long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            String cpu = process.totalCpuDuration()
                    .map(total -> " (" + total.toMillis() + " ms of CPU)").orElse("");
            if (started == null) {
                LOG.log(System.Logger.Level.INFO, "first frame with theory curves laid out"
                        + cpu);
                return;
            }
            LOG.log(System.Logger.Level.INFO, "first frame with theory curves laid out {0} ms "
                    + "after the process started{1}; heap in use {2} MB",
                    Long.toString(Duration.between(started, Instant.now()).toMillis()), cpu,
                    Long.toString(usedMegabytes));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
