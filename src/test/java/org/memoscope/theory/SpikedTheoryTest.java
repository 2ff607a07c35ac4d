package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;

class SpikedTheoryTest {

    private static final double[] FIVE_SPIKES = {0, 0.01, 1, 3, 10};

    @Test
    void everyValueIsFiniteAndInRangeOverTheParameterBox() {
        // Property sweep over gamma in [1e-3, 1e3], beta in [0, 10], ridge in [0, 10],
        // d in [2, 4096]; only thresholds of beta = 0 may be infinite.
        double[] grid = LoadGrid.logarithmic(1e-3, 1e3, 61);
        for (int d : new int[] {2, 3, 7, 50, 500, 4096}) {
            for (double ridge : new double[] {0, 1e-9, 1e-3, 0.5, 10}) {
                ExplorerParameters parameters = parameters(1, d, ridge);
                TheoryCurves curves = SpikedTheory.curves(parameters, grid);
                for (int i = 0; i < grid.length; i++) {
                    String at = "gamma = " + grid[i] + ", d = " + d + ", ridge = " + ridge;
                    assertInUnitInterval(curves.convergence(i), at);
                    assertInUnitInterval(curves.memorisation(i), at);
                    for (int k = 0; k < FIVE_SPIKES.length; k++) {
                        assertInUnitInterval(curves.latentRecovery(k, i), at);
                    }
                    assertReadoutFinite(SpikedTheory.readout(parameters.withLoadRatio(grid[i])));
                }
            }
        }
    }

    @Test
    void curvesAgreeWithReadoutAtTheCursor() {
        // Same formulas through two entry points: identical doubles.
        ExplorerParameters parameters = parameters(0.37, 500, 0.2);
        TheoryCurves curves = SpikedTheory.curves(parameters, new double[] {0.37});
        TheoryReadout readout = SpikedTheory.readout(parameters);
        assertEquals(curves.convergence(0), readout.convergence(), 0.0);
        assertEquals(curves.memorisation(0), readout.memorisation(), 0.0);
        assertEquals(185, readout.sampleCount());
        for (int k = 0; k < FIVE_SPIKES.length; k++) {
            assertEquals(curves.latentRecovery(k, 0), readout.latentRecovery()[k], 0.0);
        }
        assertEquals(MarchenkoPastur.bulkEdge(0.37), readout.bulkEdge(), 0.0);
    }

    @Test
    void ridgeLeavesLatentRecoveryUnchanged() {
        // A ridge does not move eigenvectors: Q is bit-identical for every ridge.
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 50);
        double[][] plain = SpikedTheory.curves(parameters(1, 300, 0), grid).latentRecovery();
        for (double ridge : new double[] {0.01, 1, 10}) {
            double[][] ridged =
                    SpikedTheory.curves(parameters(1, 300, ridge), grid).latentRecovery();
            for (int k = 0; k < plain.length; k++) {
                assertArrayEquals(plain[k], ridged[k], 0.0);
            }
        }
    }

    @Test
    void convergenceIgnoresTheSpikes() {
        // q depends on gamma and ridge only: identical arrays for different spikes.
        double[] grid = LoadGrid.logarithmic(1e-2, 1e2, 40);
        ExplorerParameters strong = parameters(1, 300, 0.3);
        ExplorerParameters weak = strong.withSpikeStrengths(new double[] {0.1});
        assertArrayEquals(SpikedTheory.curves(strong, grid).convergence(),
                SpikedTheory.curves(weak, grid).convergence(), 0.0);
    }

    @Test
    void readoutThresholdsAndEigenvalues() {
        // beta = 0 has no transition (+Infinity) and sits at the bulk edge; beta = 3 is
        // recovered at gamma = 1 (> 1/9) with eigenvalue 4 (1 + 1/3), exact in doubles up
        // to one rounding: 1e-15 relative.
        TheoryReadout readout = SpikedTheory.readout(parameters(1, 100, 0));
        assertEquals(Double.POSITIVE_INFINITY, readout.bbpThresholds()[0], 0.0);
        assertEquals(readout.bulkEdge(), readout.topEigenvalues()[0], 0.0);
        assertEquals(1.0 / 9, readout.bbpThresholds()[3], 1e-16);
        assertEquals(16.0 / 3, readout.topEigenvalues()[3], 16.0 / 3 * 1e-15);
    }

    private static ExplorerParameters parameters(double gamma, int d, double ridge) {
        return new ExplorerParameters(gamma, d, FIVE_SPIKES, ridge, 8, 1, 1L);
    }

    private static void assertInUnitInterval(double value, String at) {
        assertTrue(value >= 0 && value <= 1, at + ": " + value);
    }

    private static void assertReadoutFinite(TheoryReadout readout) {
        assertTrue(Double.isFinite(readout.convergence()));
        assertTrue(Double.isFinite(readout.memorisation()));
        assertTrue(Double.isFinite(readout.bulkEdge()));
        double[] thresholds = readout.bbpThresholds();
        double[] eigenvalues = readout.topEigenvalues();
        double[] recovery = readout.latentRecovery();
        for (int k = 0; k < FIVE_SPIKES.length; k++) {
            assertTrue(Double.isFinite(recovery[k]) && Double.isFinite(eigenvalues[k]));
            assertTrue(FIVE_SPIKES[k] == 0 ? thresholds[k] == Double.POSITIVE_INFINITY
                    : Double.isFinite(thresholds[k]));
        }
    }
}
