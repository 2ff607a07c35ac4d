package org.memoscope.sim;

import org.memoscope.compute.JobContext;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;

/** STUB: to be implemented (simulation helper). */
public final class LinearModelExperiment {

    private LinearModelExperiment() {
    }

    /** One simulated point at {@code loadRatio} for the d, spikes, ridge, seeds of parameters. */
    public static SimulationPoint measure(ExplorerParameters parameters, double loadRatio,
                                          JobContext context) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Simulated points on the grid (points above {@link #maxSimulatedLoad} are skipped). */
    public static SimulationCurve curve(ExplorerParameters parameters, double[] loadRatios,
                                        JobContext context) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Largest load simulated interactively at dimension d (cost and memory budget). */
    public static double maxSimulatedLoad(int dimension) {
        throw new UnsupportedOperationException("not yet");
    }
}
