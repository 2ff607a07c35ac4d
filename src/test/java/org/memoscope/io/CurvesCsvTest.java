package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;

class CurvesCsvTest {

    private static final ExplorerParameters TWO_SPIKES = ExplorerParameters.DEFAULTS
            .withDimension(100).withSpikeStrengths(new double[] {1.0, 2.0});

    private static final TheoryCurves THEORY = new TheoryCurves(TWO_SPIKES,
            new double[] {0.1, 1.0, 10.0},
            new double[] {0.0975, 0.7205, 0.975},
            new double[] {0.5, Double.NaN, 0.01},
            new double[][] {{0.0, 0.0, 0.8}, {0.0, 0.4, 0.9}});

    @Test
    void headerHasOneTheoryColumnPerSpikeAndSimulationColumnsOnlyWhenAsked() {
        assertEquals("gamma,q_theory,m_theory,Q1_theory", CurvesCsv.header(1, false));
        assertEquals("gamma,q_theory,m_theory,Q1_theory,Q2_theory,q_sim,q_sim_se,q_trace_sim,"
                + "m_sim,m_sim_se,Q1_sim,Q1_sim_se,Q2_sim,Q2_sim_se", CurvesCsv.header(2, true));
    }

    @Test
    void writesTheoryRowsWithFullPrecisionAndEmptyCellsForMissingValues() {
        String table = CurvesCsv.format(THEORY, null);

        assertEquals("gamma,q_theory,m_theory,Q1_theory,Q2_theory\n"
                + "0.1,0.0975,0.5,0.0,0.0\n"
                + "1.0,0.7205,,0.0,0.4\n"
                + "10.0,0.975,0.01,0.8,0.9\n", table);
    }

    @Test
    void placesSimulatedPointsOnTheirRowsAndLeavesTheOthersEmpty() {
        // At d = 100 the load 0.1 is n = 10 exactly; 1.0 was simulated as n = 100.
        SimulationCurve simulation = new SimulationCurve(TWO_SPIKES, List.of(
                point(0.1, 10, 0.1), point(1.0, 100, 0.7)));

        String[] rows = CurvesCsv.format(THEORY, simulation, 1.0).split("\n");

        assertEquals(4, rows.length);
        assertEquals("0.1,0.0975,0.5,0.0,0.0,0.1,0.01,0.2,0.3,0.03,0.4,0.04,0.5,0.05",
                rows[1]);
        assertEquals("1.0,0.7205,,0.0,0.4,0.7,0.01,0.2,0.3,0.03,0.4,0.04,0.5,0.05", rows[2]);
        assertEquals("10.0,0.975,0.01,0.8,0.9,,,,,,,,,", rows[3]);
    }

    @Test
    void matchesAPointWhoseLoadWasRoundedToWholeSamples() {
        ExplorerParameters oneSpike = ExplorerParameters.DEFAULTS.withDimension(30);
        TheoryCurves theory = new TheoryCurves(oneSpike, new double[] {0.0125, 5.0},
                new double[] {0.01, 0.9}, new double[] {0.9, 0.1},
                new double[][] {{0.0, 0.8}});
        // 0.0125 * 30 = 0.375 samples, simulated as n = 1, that is gamma = 1/30.
        SimulationCurve simulation = new SimulationCurve(oneSpike,
                List.of(point(1.0 / 30, 1, 0.02)));

        String[] rows = CurvesCsv.format(theory, simulation).split("\n");

        assertEquals("0.0125,0.01,0.9,0.0,0.02,0.01,0.2,0.3,0.03,0.4,0.04", rows[1]);
        assertEquals("5.0,0.9,0.1,0.8,,,,,,,", rows[2]);
    }

    private static SimulationPoint point(double load, int n, double convergence) {
        return new SimulationPoint(load, n, TWO_SPIKES.dimension(),
                new Estimate(convergence, 0.01, 64), new Estimate(0.2, 0.02, 4),
                new Estimate(0.3, 0.03, 64),
                new Estimate[] {new Estimate(0.4, 0.04, 4), new Estimate(0.5, 0.05, 4)});
    }
}
