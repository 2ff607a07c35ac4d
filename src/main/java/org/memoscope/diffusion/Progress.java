package org.memoscope.diffusion;

import java.util.Locale;

import org.memoscope.compute.JobContext;

/**
 * Progress of a pair experiment with an estimate of the time left. Work is counted in
 * training steps; a measurement counts as the training steps of equal network work (one
 * step is about three forward passes of a batch). The estimate multiplies the work left by
 * the measured seconds per unit of work actually computed (work loaded from the cache is
 * done but not timed). Reports are throttled to about ten a second.
 */
final class Progress {

    /** Share of the progress bar given to the networks when the linear model follows. */
    static final double NETWORK_SHARE = 0.97;

    private static final long REPORT_NANOS = 100_000_000L;

    private final JobContext context;
    private final PairExperiment.Request request;
    private final int[] ladder;
    private final double total;
    private double done;
    private double computedUnits;
    private double computedSeconds;
    private long lastEvent = System.nanoTime();
    private long lastReport;

    Progress(JobContext context, PairExperiment.Request request) {
        this.context = context;
        this.request = request;
        this.ladder = request.sampleCounts();
        double sum = 0;
        for (int n : ladder) {
            sum += pointUnits(n);
        }
        this.total = sum;
    }

    /** Work of one point: two trainings and the measurement. */
    double pointUnits(int n) {
        return 2.0 * request.training().steps() + measureUnits(n);
    }

    /** Network work of a measurement, in training steps. */
    double measureUnits(int n) {
        double samplingImages = 2.0 * request.schedule().levels() * request.samples();
        double errorImages = 2.0 * request.measureLevels() * 2 * request.heldOut();
        return (samplingImages + errorImages) / (3.0 * request.training().batch());
    }

    /** The share done (of the bar's network share when the linear model follows). */
    double fraction() {
        double share = request.linearReference() ? NETWORK_SHARE : 1;
        return total > 0 ? share * Math.min(1, done / total) : 0;
    }

    /** Work loaded from the cache: done, not timed. */
    void skip(double units) {
        done += units;
        lastEvent = System.nanoTime();
    }

    /** One training step of network {@code network} (0 = A) at N finished. */
    void trained(int n, int network, int step) {
        long now = System.nanoTime();
        computedSeconds += (now - lastEvent) / 1e9;
        computedUnits += 1;
        done += 1;
        lastEvent = now;
        if (now - lastReport >= REPORT_NANOS || step == request.training().steps()) {
            lastReport = now;
            report(n, String.format(Locale.ROOT, "training %s, step %d of %d",
                    network == 0 ? "A" : "B", step, request.training().steps()));
        }
    }

    /** A measurement of {@code units} took {@code seconds}. */
    void measured(double units, double seconds) {
        computedSeconds += seconds;
        computedUnits += units;
        done += units;
        lastEvent = System.nanoTime();
    }

    /** Reports a phase at N without advancing. */
    void message(int n, String phase) {
        lastEvent = System.nanoTime();
        report(n, phase);
    }

    /** Checks for cancellation. */
    Runnable checkpoint() {
        return context::checkCancelled;
    }

    private void report(int n, String phase) {
        int position = 0;
        for (int i = 0; i < ladder.length; i++) {
            if (ladder[i] == n) {
                position = i + 1;
                break;
            }
        }
        String eta = computedUnits >= 5
                ? "; about " + duration((total - done) * computedSeconds / computedUnits)
                        + " left"
                : "";
        context.reportProgress(fraction(), String.format(Locale.ROOT, "N = %d (%d of %d): %s%s",
                n, position, ladder.length, phase, eta));
    }

    /** A duration as "1 h 02 min", "3 min 05 s" or "12 s". */
    static String duration(double seconds) {
        long whole = Math.max(0, Math.round(seconds));
        if (whole >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
        }
        if (whole >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return whole + " s";
    }
}
