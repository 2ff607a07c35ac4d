package org.memoscope.bench;

import java.util.Arrays;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.theory.SpikedTheory;

/**
 * Times {@link SpikedTheory#curves} as the window calls it while a slider is dragged:
 * 300 log-spaced loads in [1e-2, 1e2], three spikes, d = 1000, with ridge 0.1 and 0.
 * Prints the median and interquartile range of one call in microseconds. Not a test:
 * run it by hand on an idle machine.
 */
public final class TheoryBenchmark {

    private static final int WARM_UP_CALLS = 20_000;
    private static final int TIMED_CALLS = 5_000;

    private TheoryBenchmark() {
    }

    public static void main(String[] args) {
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 300);
        for (double ridge : new double[] {0.1, 0.0}) {
            ExplorerParameters parameters = new ExplorerParameters(1.0, 1000,
                    new double[] {0.5, 1.0, 3.0}, ridge, 64, 2, 1L);
            double[] micros = time(parameters, grid);
            System.out.printf("ridge %.1f: median %.1f us, IQR %.1f .. %.1f us (%d calls)%n",
                    ridge, quantile(micros, 0.5), quantile(micros, 0.25),
                    quantile(micros, 0.75), micros.length);
        }
    }

    private static double[] time(ExplorerParameters parameters, double[] grid) {
        double sink = 0;
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            sink += SpikedTheory.curves(parameters, grid).memorisation(0);
        }
        double[] micros = new double[TIMED_CALLS];
        for (int i = 0; i < TIMED_CALLS; i++) {
            long start = System.nanoTime();
            sink += SpikedTheory.curves(parameters, grid).convergence(i % grid.length);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        if (Double.isNaN(sink)) {
            System.out.println("unexpected NaN");
        }
        Arrays.sort(micros);
        return micros;
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
    }
}
