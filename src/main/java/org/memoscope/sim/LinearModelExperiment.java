package org.memoscope.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.memoscope.compute.JobContext;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;

/**
 * Finite-size simulation of the spiked linear model (theory.md, sections 2-3):
 * at load gamma and dimension d, two linear models are fitted on disjoint
 * training sets of {@code n = round(gamma d)} samples from
 * {@code N(0, I + sum_k beta_k v_k v_k^T)}, sampled as
 * {@code x_a(z) = (S_a + lambda I)^(1/2) z} with the same seeds z, and measured:
 *
 * <ul>
 *   <li>convergence {@code q = mean cos(x_1(z), x_2(z))}, one draw per
 *       (repetition, seed);</li>
 *   <li>memorisation {@code m = mean max_mu |cos(x_a(z), x_mu)|} over a's own training
 *       points; each (repetition, seed) draw is the mean over both models a = 1, 2;</li>
 *   <li>latent recovery {@code Q_k = (v_k . u_k)^2}, u_k the eigenvector of S_a paired
 *       with spike k ({@link PointSetup}); one draw per (repetition, model), the two
 *       models being independent fits;</li>
 *   <li>the trace form {@code Tr(A1 A2) / sqrt(Tr(A1^2) Tr(A2^2))},
 *       {@code A_a = (S_a + lambda I)^(1/2)}, one draw per repetition.</li>
 * </ul>
 *
 * <p>Each {@link Estimate} is the mean and standard error over its draws, taken as
 * independent. Draws of q and m within a repetition share the training sets, whose
 * own fluctuation (traces move by O(1/d), a single cosine by O(1/sqrt d)) adds a
 * between-repetition variance of relative size about s/d for s seeds: measured at
 * 64 seeds and d = 400-1000, the true standard error of q is roughly 10% above the
 * reported one.
 *
 * <p>Every random number comes from {@link ExplorerParameters#seed()} through
 * {@link DrawSeeds}, keyed by (d, n, repetition, draw), so results are
 * bit-identical across runs, thread counts and grids. Cost per repetition
 * O(d n min(n, d)) ({@link LinearModelFit}); the two models run on two threads.
 */
public final class LinearModelExperiment {

    private LinearModelExperiment() {
    }

    /**
     * One simulated point at {@code loadRatio} for the d, spikes, ridge, seeds of
     * parameters (its own load ratio is ignored).
     *
     * @throws org.memoscope.compute.JobCancelledException when {@code context} is cancelled
     * @throws IllegalArgumentException if there are more spikes than dimensions, or if the
     *                                  point would not fit in the heap ({@link #requireMemory})
     */
    public static SimulationPoint measure(ExplorerParameters parameters, double loadRatio,
                                          JobContext context) {
        if (!(loadRatio > 0) || Double.isInfinite(loadRatio)) {
            throw new IllegalArgumentException("load ratio must be finite and > 0, got "
                    + loadRatio);
        }
        int n = ExplorerParameters.sampleCount(loadRatio, parameters.dimension());
        PointSetup setup = PointSetup.of(parameters, n);
        SimulationMemory.require(n, parameters.dimension(), parameters.seedCount());
        Runnable checkpoint = checkpoint(context);
        checkpoint.run();

        int repetitions = parameters.repetitions();
        int seeds = parameters.seedCount();
        int spikes = parameters.spikeCount();
        double[] convergence = new double[repetitions * seeds];
        double[] memorisation = new double[repetitions * seeds];
        double[] convergenceTrace = new double[repetitions];
        double[][] latentRecovery = new double[spikes][2 * repetitions];
        for (int repetition = 0; repetition < repetitions; repetition++) {
            context.reportProgress((double) repetition / repetitions,
                    progressNote(setup, repetition, repetitions));
            RepetitionDraw draw = RepetitionDraw.draw(setup, repetition, checkpoint);
            checkpoint.run();

            System.arraycopy(draw.convergence(), 0, convergence, repetition * seeds, seeds);
            System.arraycopy(draw.memorisation(), 0, memorisation, repetition * seeds, seeds);
            convergenceTrace[repetition] = draw.convergenceTrace();
            for (int k = 0; k < spikes; k++) {
                System.arraycopy(draw.latentRecovery()[k], 0, latentRecovery[k],
                        2 * repetition, 2);
            }
        }
        context.reportProgress(1, progressNote(setup, repetitions, repetitions));

        Estimate[] recovery = new Estimate[spikes];
        for (int k = 0; k < spikes; k++) {
            recovery[k] = Estimate.of(latentRecovery[k]);
        }
        return new SimulationPoint(setup.loadRatio(), n, parameters.dimension(),
                Estimate.of(convergence), Estimate.of(convergenceTrace),
                Estimate.of(memorisation), recovery);
    }

    /**
     * Simulated points on the grid; points above {@link #maxSimulatedLoad} are
     * skipped. Progress is the share of the estimated cost done so far.
     *
     * @throws org.memoscope.compute.JobCancelledException when {@code context} is cancelled
     */
    public static SimulationCurve curve(ExplorerParameters parameters, double[] loadRatios,
                                        JobContext context) {
        int d = parameters.dimension();
        double maxLoad = maxSimulatedLoad(d);
        List<Double> loads = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        double totalCost = 0;
        for (double load : loadRatios) {
            if (load > 0 && load <= maxLoad) {
                double cost = SimulationBudget.estimatedSeconds(
                        ExplorerParameters.sampleCount(load, d), d, parameters.seedCount());
                loads.add(load);
                costs.add(cost);
                totalCost += cost;
            }
        }

        if (!loads.isEmpty()) {
            requireMemory(parameters, Collections.max(loads));
        }

        List<SimulationPoint> points = new ArrayList<>();
        double done = 0;
        for (int i = 0; i < loads.size(); i++) {
            context.checkCancelled();
            double start = done / totalCost;
            done += costs.get(i);
            double end = done / totalCost;
            points.add(measure(parameters, loads.get(i), scaled(context, start, end)));
        }
        context.reportProgress(1, "simulated " + points.size() + " points");
        return new SimulationCurve(parameters, points);
    }

    /**
     * Refuses, before anything is allocated, a point at {@code loadRatio} that would not fit
     * in the free heap ({@link #measure} checks this itself; callers use it to refuse
     * parameters up front).
     *
     * @throws IllegalArgumentException with a message naming n, d, the seeds, the memory
     *                                  needed and the heap free
     */
    public static void requireMemory(ExplorerParameters parameters, double loadRatio) {
        SimulationMemory.require(ExplorerParameters.sampleCount(loadRatio,
                parameters.dimension()), parameters.dimension(), parameters.seedCount());
    }

    /**
     * Largest load simulated interactively at dimension d: the largest n / d whose
     * repetition fits the budget of {@link SimulationBudget} (about
     * {@value SimulationBudget#SECONDS_PER_REPETITION} s on two cores with 64 seeds, and
     * training data under {@value SimulationBudget#DATA_MEGABYTES} MB).
     */
    public static double maxSimulatedLoad(int dimension) {
        return SimulationBudget.maxLoad(dimension);
    }

    private static Runnable checkpoint(JobContext context) {
        return () -> {
            context.checkCancelled();
            PairedExecution.checkInterrupted();
        };
    }

    private static String progressNote(PointSetup setup, int repetition, int repetitions) {
        return String.format(Locale.ROOT, "simulating gamma = %.3g (n = %d, d = %d), "
                        + "repetition %d of %d", setup.loadRatio(), setup.sampleCount(),
                setup.dimension(), Math.min(repetition + 1, repetitions), repetitions);
    }

    /** A view of {@code context} whose progress 0..1 maps to start..end. */
    private static JobContext scaled(JobContext context, double start, double end) {
        return new JobContext() {
            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public void reportProgress(double fraction, String message) {
                context.reportProgress(Math.min(end, start + (end - start) * fraction), message);
            }
        };
    }
}
