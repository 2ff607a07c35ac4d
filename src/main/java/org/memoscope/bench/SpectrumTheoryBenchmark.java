package org.memoscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.memoscope.model.LoadGrid;
import org.memoscope.theory.DeterministicEquivalent;
import org.memoscope.theory.FactorRecovery;
import org.memoscope.theory.PopulationSpectrum;

/**
 * Times what the window recomputes while the power-law exponent slider is dragged: the
 * spectrum (d = 4096, alpha = 1 and 2), its compressed deterministic equivalent and the
 * 100-point convergence curve q(gamma) on log-spaced loads in [1e-2, 1e2]; then, separately,
 * the latent-recovery curves Q_k(gamma) of the top five factors on the same grid. Prints the
 * median and interquartile range of the wall time in milliseconds over the timed runs, after
 * warm-up, and the median CPU time of the timing thread (less sensitive to a busy machine).
 * Not a test: run it by hand on an idle machine.
 */
public final class SpectrumTheoryBenchmark {

    private static final int DIMENSION = 4096;
    private static final int WARM_UP_RUNS = 60;
    private static final int TIMED_RUNS = 41;
    private static final int FACTORS = 5;

    private SpectrumTheoryBenchmark() {
    }

    public static void main(String[] args) {
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 100);
        for (double alpha : new double[] {1, 2}) {
            double[][] convergence = time(() -> convergenceCurve(alpha, grid));
            report("q curve", alpha, convergence);
            double[][] recovery = time(() -> recoveryCurves(alpha, grid));
            report("Q_1..Q_5 curves", alpha, recovery);
        }
    }

    private static double convergenceCurve(double alpha, double[] grid) {
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(DIMENSION, alpha);
        double[] curve = DeterministicEquivalent.of(spectrum).convergence(grid, 0);
        return curve[curve.length / 2];
    }

    private static double recoveryCurves(double alpha, double[] grid) {
        PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(DIMENSION, alpha);
        double sum = 0;
        for (int k = 1; k <= FACTORS; k++) {
            FactorRecovery factor = FactorRecovery.of(spectrum, k);
            for (double gamma : grid) {
                sum += factor.latentRecovery(gamma);
            }
        }
        return sum;
    }

    /** {wall, thread CPU} milliseconds per run, each sorted. */
    private static double[][] time(java.util.function.DoubleSupplier run) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int i = 0; i < WARM_UP_RUNS; i++) {
            sink += run.getAsDouble();
        }
        double[] wall = new double[TIMED_RUNS];
        double[] cpu = new double[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            long startCpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            sink += run.getAsDouble();
            wall[i] = (System.nanoTime() - start) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        }
        if (Double.isNaN(sink)) {
            System.out.println("unexpected NaN");
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[][] {wall, cpu};
    }

    private static void report(String what, double alpha, double[][] sorted) {
        double[] wall = sorted[0];
        System.out.printf("%s, d = %d, alpha = %.0f: median %.2f ms, IQR %.2f .. %.2f ms"
                        + " (%d runs; thread CPU median %.2f ms)%n", what, DIMENSION, alpha,
                quantile(wall, 0.5), quantile(wall, 0.25), quantile(wall, 0.75), wall.length,
                quantile(sorted[1], 0.5));
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
