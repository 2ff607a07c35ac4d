package org.memoscope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javafx.scene.Scene;

/**
 * Logs, once, how long after the start of the process the window's first frame was laid
 * out, with the theory curves already in the chart (the explorer computes them before the
 * window opens), and the CPU time the process had used by then, which depends less on
 * the machine's other load. A maintainer's figure for the start-up target (first curves
 * within 2 s); {@code bench/window.sh} reads it from the log.
 *
 * <p>On Linux the age of the process is read from {@code /proc} (its start and the
 * current uptime, both counted from boot in hundredths of a second). The JDK's
 * {@link ProcessHandle.Info#startInstant()} adds the boot time, which the kernel gives in
 * whole seconds only, so it can be off by up to a second, the same way for every process
 * of one boot; it is the fallback elsewhere.
 */
final class StartupTiming {

    private static final System.Logger LOG = System.getLogger(StartupTiming.class.getName());

    /** Clock ticks per second of {@code /proc/self/stat} (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private StartupTiming() {
    }

    /** Logs at INFO when {@code scene} has been laid out for its first frame. */
    static void logFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            ProcessHandle.Info process = ProcessHandle.current().info();
            Runtime runtime = Runtime.getRuntime();
            long usedMegabytes = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            String cpu = process.totalCpuDuration()
                    .map(total -> " (" + total.toMillis() + " ms of CPU)").orElse("");
            OptionalLong age = processAgeMillis(process);
            if (age.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "first frame with theory curves laid out"
                        + cpu);
                return;
            }
            LOG.log(System.Logger.Level.INFO, "first frame with theory curves laid out {0} ms "
                    + "after the process started{1}; heap in use {2} MB",
                    Long.toString(age.getAsLong()), cpu, Long.toString(usedMegabytes));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Milliseconds since this process started, from /proc when it can be read. */
    static OptionalLong processAgeMillis(ProcessHandle.Info process) {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String uptime = Files.readString(Path.of("/proc/uptime"));
            // The command name in parentheses may hold spaces; field 22 (starttime) is the
            // 20th after the closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptimeSeconds = Double.parseDouble(uptime.trim().split(" ")[0]);
            return OptionalLong.of(Math.round(uptimeSeconds * 1000)
                    - startTicks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException notLinux) {
            Instant started = process.startInstant().orElse(null);
            return started == null ? OptionalLong.empty()
                    : OptionalLong.of(Duration.between(started, Instant.now()).toMillis());
        }
    }
}
