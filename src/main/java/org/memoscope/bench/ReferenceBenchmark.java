package org.memoscope.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;

import org.memoscope.compute.JobContext;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;
import org.memoscope.sim.LinearModelExperiment;
import org.memoscope.theory.DeterministicEquivalent;
import org.memoscope.theory.PopulationSpectrum;
import org.memoscope.theory.SpikedTheory;

/**
 * Memoscope's side of {@code bench/run.sh}, which times the same computations in an
 * independent numpy/scipy reference ({@code bench/reference_*.py}) and compares both.
 * Not a test: timings depend on the machine and its load.
 *
 * <ul>
 *   <li>{@code theory <dir>}: {@link SpikedTheory#curves} on the explorer's 300-point grid
 *       (d = 1000, beta = 0.5, 1, 3; ridge 0.1 and 0), and {@link DeterministicEquivalent}'s
 *       q on 100 loads for a d = 4096 power-law spectrum (alpha = 2), rebuilt from the
 *       spectrum on every call as when its exponent changes. Writes the curves to
 *       {@code <dir>} for the reference to check.</li>
 *   <li>{@code simulation <dims> <loads> <runs>}: {@link LinearModelExperiment#measure} at
 *       n = round(load d) for each d, 64 seeds, one repetition, beta = 2, no ridge; run
 *       {@code runs} times with root seeds 1, 2, ... (more, up to 25, while the runs take
 *       under a second in all), after warm-up runs (about a second's worth, at least
 *       one), and the draws
 *       of all runs pooled into one estimate per quantity; the JIT is warmed first on
 *       d = 256.</li>
 * </ul>
 * Output lines, tab-separated: {@code time <name> <median ms> <runs>},
 * {@code estimate <name> <quantity> <mean> <standard error>}, {@code note <text>}.
 */
public final class ReferenceBenchmark {

    private static final PrintStream OUT = System.out;
    private static final double[] SPIKES = {0.5, 1.0, 3.0};
    private static final double[] RIDGES = {0.1, 0.0};
    private static final int SPIKED_DIMENSION = 1000;
    private static final int GENERAL_DIMENSION = 4096;
    private static final double POWER_LAW_EXPONENT = 2.0;

    private ReferenceBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: ReferenceBenchmark theory <dir> | "
                    + "simulation <d,d,...> <load,load,...> <runs>");
            System.exit(2);
        }
        OUT.println("note\tJava " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " processors, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        switch (args[0]) {
            case "theory" -> theory(Path.of(args[1]));
            case "simulation" -> simulation(doubles(args[1]), doubles(args[2]),
                    Integer.parseInt(args[3]));
            default -> {
                System.err.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
    }

    // ---- theory ---------------------------------------------------------------------

    private static void theory(Path directory) throws IOException {
        Files.createDirectories(directory);
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 300);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("gamma", grid);
        for (double ridge : RIDGES) {
            ExplorerParameters parameters = new ExplorerParameters(1.0, SPIKED_DIMENSION,
                    SPIKES, ridge, 64, 2, 1L);
            String name = String.format(Locale.ROOT, "theory spiked 300 points, ridge %s",
                    format(ridge));
            double median = medianMillis(() -> SpikedTheory.curves(parameters, grid)
                    .convergence(0), 2000, 1000);
            OUT.printf(Locale.ROOT, "time\t%s\t%.4f\t%d%n", name, median, 1000);
            TheoryCurves curves = SpikedTheory.curves(parameters, grid);
            String tag = "ridge" + format(ridge);
            columns.put("q_" + tag, curves.convergence());
            columns.put("m_" + tag, curves.memorisation());
            for (int k = 0; k < SPIKES.length; k++) {
                columns.put("Q" + (k + 1) + "_" + tag, curves.latentRecovery()[k]);
            }
        }
        writeCsv(directory.resolve("spiked.csv"), columns);
        generalSpectrum(directory);
    }

    /**
     * q of {@link DeterministicEquivalent} for a power-law spectrum, rebuilt from the
     * spectrum on every call, as when the exponent changes.
     */
    private static void generalSpectrum(Path directory) throws IOException {
        String name = String.format(Locale.ROOT,
                "theory power law d=%d alpha=%s, 100 points", GENERAL_DIMENSION,
                format(POWER_LAW_EXPONENT));
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 100);
        double median = medianMillis(() -> generalCurve(grid)[0], 20, 50);
        OUT.printf(Locale.ROOT, "time\t%s\t%.4f\t%d%n", name, median, 50);
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("gamma", grid);
        columns.put("q", generalCurve(grid));
        writeCsv(directory.resolve("general.csv"), columns);
    }

    private static double[] generalCurve(double[] grid) {
        return DeterministicEquivalent.of(PopulationSpectrum.powerLaw(GENERAL_DIMENSION,
                POWER_LAW_EXPONENT)).convergence(grid, 0.0);
    }

    // ---- simulation -----------------------------------------------------------------

    /** Untimed warm-up runs at the point itself (seed 0): at least one, more while cheap. */
    private static final int MAX_POINT_WARM_UPS = 1000;
    private static final long POINT_WARM_UP_NANOS = 1_000_000_000L;
    /**
     * Timed runs beyond the requested number while they take under {@value #TIMED_NANOS} ns
     * in all (at most {@value #MAX_TIMED_RUNS}): a median of three runs of a few
     * milliseconds moves with every hiccup of the machine. The numpy reference does the same.
     */
    private static final long TIMED_NANOS = 1_000_000_000L;
    private static final int MAX_TIMED_RUNS = 25;

    /**
     * Runs the point untimed until about {@value #POINT_WARM_UP_NANOS} ns have passed (at
     * most {@value #MAX_POINT_WARM_UPS} runs), so that small points are timed with their
     * kernels compiled, as they are in a window that has been open a while.
     */
    private static void warmUpAt(ExplorerParameters parameters, double load) {
        long start = System.nanoTime();
        int runs = 0;
        do {
            LinearModelExperiment.measure(parameters.withSeed(0), load, JobContext.NONE);
            runs++;
        } while (runs < MAX_POINT_WARM_UPS && System.nanoTime() - start < POINT_WARM_UP_NANOS);
    }

    private static void simulation(double[] dimensions, double[] loads, int runs) {
        // Warm the JIT on both fitting routes first, so the first point measured is not
        // timed in the interpreter (the window runs long enough to be warm).
        ExplorerParameters warmUp = ExplorerParameters.DEFAULTS.withDimension(256)
                .withSeedCount(64).withRepetitions(1);
        for (int i = 0; i < 6; i++) {
            LinearModelExperiment.measure(warmUp, i % 2 == 0 ? 0.25 : 2, JobContext.NONE);
        }
        for (double dimensionValue : dimensions) {
            int d = (int) dimensionValue;
            for (double load : loads) {
                int n = ExplorerParameters.sampleCount(load, d);
                String name = "simulation d=" + d + " n=" + n;
                ExplorerParameters parameters = ExplorerParameters.DEFAULTS.withDimension(d)
                        .withSeedCount(64).withRepetitions(1)
                        .withSpikeStrengths(new double[] {2.0});
                warmUpAt(parameters, load);
                List<Double> times = new ArrayList<>();
                List<SimulationPoint> timed = new ArrayList<>();
                long timingStart = System.nanoTime();
                while (times.size() < runs || (times.size() < MAX_TIMED_RUNS
                        && System.nanoTime() - timingStart < TIMED_NANOS)) {
                    long start = System.nanoTime();
                    timed.add(LinearModelExperiment.measure(
                            parameters.withSeed(times.size() + 1), load, JobContext.NONE));
                    times.add((System.nanoTime() - start) / 1e6);
                }
                SimulationPoint[] points = timed.toArray(SimulationPoint[]::new);
                OUT.printf(Locale.ROOT, "time\t%s\t%.1f\t%d%n", name,
                        median(times.stream().mapToDouble(Double::doubleValue).toArray()),
                        times.size());
                printPooled(name, "q", points, SimulationPoint::convergence);
                printPooled(name, "q_trace", points, SimulationPoint::convergenceTrace);
                printPooled(name, "m", points, SimulationPoint::memorisation);
                printPooled(name, "Q1", points, point -> point.latentRecovery(0));
                OUT.flush();
            }
        }
    }

    private static void printPooled(String name, String quantity, SimulationPoint[] points,
                                    java.util.function.Function<SimulationPoint, Estimate> of) {
        Estimate pooled = pool(Arrays.stream(points).map(of).toArray(Estimate[]::new));
        OUT.printf(Locale.ROOT, "estimate\t%s\t%s\t%.6f\t%.6f%n", name, quantity,
                pooled.mean(), pooled.standardError());
    }

    /**
     * One estimate from several, as if all their draws had been pooled: the mean of the
     * draws, and the standard error from the within- and between-group sums of squares.
     */
    static Estimate pool(Estimate[] parts) {
        int total = 0;
        double sum = 0;
        for (Estimate part : parts) {
            total += part.draws();
            sum += part.mean() * part.draws();
        }
        double mean = sum / total;
        if (total < 2) {
            return new Estimate(mean, 0, total);
        }
        double squares = 0;
        for (Estimate part : parts) {
            double within = part.standardError() * part.standardError() * part.draws()
                    * (part.draws() - 1);
            double offset = part.mean() - mean;
            squares += within + part.draws() * offset * offset;
        }
        return new Estimate(mean, Math.sqrt(squares / (total - 1) / total), total);
    }

    // ---- helpers --------------------------------------------------------------------

    private static double medianMillis(DoubleSupplier call, int warmUp, int runs) {
        double sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += call.getAsDouble();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            sink += call.getAsDouble();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        if (Double.isNaN(sink)) {
            OUT.println("note\ta timed call returned NaN");
        }
        return median(times);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle]
                : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void writeCsv(Path file, Map<String, double[]> columns) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", columns.keySet()))
                .append('\n');
        int rows = columns.values().iterator().next().length;
        for (int i = 0; i < rows; i++) {
            int row = i;
            text.append(String.join(",", columns.values().stream()
                    .map(column -> Double.toString(column[row])).toList())).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static double[] doubles(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
