package org.memoscope.bench;

import java.util.Arrays;
import java.util.Locale;

import org.memoscope.compute.JobContext;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.sim.LinearModelExperiment;

/**
 * Wall-clock timing of one simulated point of {@link LinearModelExperiment} (not a
 * test; run by hand on the target machine). The reference point is d = 1000,
 * n = 500, 64 seeds, one repetition, timed {@value #TIMED_RUNS} times after
 * {@value #WARM_UP_RUNS} warm-up runs and reported as median and interquartile
 * range; then d = 784 and d = 2000 at n = d/8, d/2, d, 2d are timed once each.
 *
 * <p>Run: {@code mvn -q -DskipTests compile}, then
 * {@code java -cp target/classes:<dependency classpath> org.memoscope.bench.SimulationBenchmark}.
 */
public final class SimulationBenchmark {

    private static final int WARM_UP_RUNS = 5;
    private static final int TIMED_RUNS = 15;

    private SimulationBenchmark() {
    }

    public static void main(String[] args) {
        ExplorerParameters reference = ExplorerParameters.DEFAULTS.withDimension(1000)
                .withSeedCount(64).withRepetitions(1).withSpikeStrengths(new double[] {2.0});
        double referenceLoad = 0.5;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            timeMillis(reference, referenceLoad);
        }
        double[] times = new double[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            times[i] = timeMillis(reference, referenceLoad);
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "d=1000 n=500 seeds=64 reps=1: median %.1f ms, "
                        + "IQR %.1f ms (%.1f .. %.1f), %d runs%n", quantile(times, 0.5),
                quantile(times, 0.75) - quantile(times, 0.25), quantile(times, 0.25),
                quantile(times, 0.75), TIMED_RUNS);

        for (int d : new int[] {784, 2000}) {
            ExplorerParameters parameters = reference.withDimension(d);
            System.out.printf(Locale.ROOT, "d=%d: maxSimulatedLoad %.3f%n", d,
                    LinearModelExperiment.maxSimulatedLoad(d));
            for (double load : new double[] {0.125, 0.5, 1, 2}) {
                int n = ExplorerParameters.sampleCount(load, d);
                System.out.printf(Locale.ROOT, "d=%d n=%d seeds=64 reps=1: %.1f ms%n", d, n,
                        timeMillis(parameters, load));
            }
        }
    }

    private static double timeMillis(ExplorerParameters parameters, double load) {
        long start = System.nanoTime();
        LinearModelExperiment.measure(parameters, load, JobContext.NONE);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Linear interpolation between order statistics of sorted values. */
    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        return sorted[below] * (1 - weight) + sorted[above] * weight;
    }
}
