package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.memoscope.compute.JobContext;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationPoint;

/**
 * Fault suite, determinism: the same parameters and seed give bit-identical simulated
 * points twice in a row and whether each step's two halves run on two threads (the
 * default) or one after the other on one thread. Covers both fitting routes (Gram for
 * n &lt; d, covariance for n &gt;= d), several spikes and a ridge.
 */
class ThreadCountDeterminismTest {

    private static final ExplorerParameters PARAMETERS = new ExplorerParameters(1.0, 90,
            new double[] {0.5, 3.0}, 0.3, 12, 2, 42L);
    private static final double[] LOADS = {0.1, 0.45, 1.0, 1.7};

    @AfterEach
    void restoreTwoThreads() {
        PairedExecution.setSingleThreaded(false);
    }

    @Test
    void twoThreadsTwiceAndOneThreadGiveTheSameBits() {
        List<Long> first = bits(run());
        List<Long> again = bits(run());
        PairedExecution.setSingleThreaded(true);
        List<Long> oneThread = bits(run());

        assertEquals(first, again, "two runs in a row");
        assertEquals(first, oneThread, "two threads against one");
    }

    private static List<SimulationPoint> run() {
        List<SimulationPoint> points = new ArrayList<>();
        for (double load : LOADS) {
            points.add(LinearModelExperiment.measure(PARAMETERS, load, JobContext.NONE));
        }
        return points;
    }

    private static List<Long> bits(List<SimulationPoint> points) {
        List<Long> bits = new ArrayList<>();
        for (SimulationPoint point : points) {
            add(bits, point.convergence());
            add(bits, point.convergenceTrace());
            add(bits, point.memorisation());
            for (Estimate recovery : point.latentRecovery()) {
                add(bits, recovery);
            }
        }
        return bits;
    }

    private static void add(List<Long> bits, Estimate estimate) {
        bits.add(Double.doubleToRawLongBits(estimate.mean()));
        bits.add(Double.doubleToRawLongBits(estimate.standardError()));
        bits.add((long) estimate.draws());
    }
}
