package org.memoscope.io;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;

/**
 * The order-parameter curves as a CSV table, one row per load of the theory grid.
 *
 * <p>Columns: {@code gamma}, the theory {@code q_theory, m_theory, Q1_theory..Qr_theory},
 * then, when a simulation is given, {@code q_sim, q_sim_se, q_trace_sim, m_sim, m_sim_se,
 * Q1_sim, Q1_sim_se, ...}. A simulated point belongs to the grid row with the same load,
 * or, when the simulation rounded the load to a whole number of samples n, to the rows
 * whose load rounds to the same n. Rows without a simulated point, and values that are
 * not finite, are left empty. Numbers are written with {@link Double#toString(double)}:
 * full precision, a point as decimal separator whatever the locale. Lines end in LF.
 */
public final class CurvesCsv {

    /** Relative difference below which two loads count as the same grid point. */
    private static final double SAME_LOAD = 1e-9;

    private CurvesCsv() {
    }

    /** The header line (without line end) for {@code spikes} spikes, with or without sim. */
    public static String header(int spikes, boolean simulated) {
        StringJoiner columns = new StringJoiner(",");
        columns.add("gamma").add("q_theory").add("m_theory");
        for (int k = 1; k <= spikes; k++) {
            columns.add("Q" + k + "_theory");
        }
        if (simulated) {
            columns.add("q_sim").add("q_sim_se").add("q_trace_sim").add("m_sim").add("m_sim_se");
            for (int k = 1; k <= spikes; k++) {
                columns.add("Q" + k + "_sim").add("Q" + k + "_sim_se");
            }
        }
        return columns.toString();
    }

    /** The whole table, every row eligible for a simulated point; see below. */
    public static String format(TheoryCurves theory, SimulationCurve simulation) {
        return format(theory, simulation, Double.POSITIVE_INFINITY);
    }

    /**
     * The whole table.
     *
     * @param theory        the rows' loads and theory values
     * @param simulation    simulated points on (part of) the same grid; {@code null} for a
     *                      table without simulation columns
     * @param simulatedUpTo rows with a larger load keep their simulation columns empty
     */
    public static String format(TheoryCurves theory, SimulationCurve simulation,
                                double simulatedUpTo) {
        int spikes = theory.latentRecovery().length;
        boolean simulated = simulation != null;
        List<SimulationPoint> matched = simulated
                ? matchToGrid(theory.loadRatios(), simulation, simulatedUpTo)
                : List.of();

        StringBuilder table = new StringBuilder(header(spikes, simulated)).append('\n');
        for (int i = 0; i < theory.size(); i++) {
            StringJoiner row = new StringJoiner(",");
            row.add(number(theory.loadRatio(i)));
            row.add(number(theory.convergence(i)));
            row.add(number(theory.memorisation(i)));
            for (int k = 0; k < spikes; k++) {
                row.add(number(theory.latentRecovery(k, i)));
            }
            if (simulated) {
                addSimulated(row, matched.get(i), spikes);
            }
            table.append(row).append('\n');
        }
        return table.toString();
    }

    private static void addSimulated(StringJoiner row, SimulationPoint point, int spikes) {
        if (point == null) {
            int empty = 5 + 2 * spikes;
            for (int c = 0; c < empty; c++) {
                row.add("");
            }
            return;
        }
        addEstimate(row, point.convergence());
        row.add(number(point.convergenceTrace().mean()));
        addEstimate(row, point.memorisation());
        for (int k = 0; k < spikes; k++) {
            Estimate recovery = k < point.latentRecovery().length
                    ? point.latentRecovery(k)
                    : new Estimate(Double.NaN, Double.NaN, 0);
            addEstimate(row, recovery);
        }
    }

    private static void addEstimate(StringJoiner row, Estimate estimate) {
        row.add(number(estimate.mean()));
        row.add(number(estimate.standardError()));
    }

    /** For each grid load, the simulated point measured there, or null. */
    static List<SimulationPoint> matchToGrid(double[] loads, SimulationCurve simulation,
                                             double simulatedUpTo) {
        int dimension = simulation.parameters().dimension();
        List<SimulationPoint> matched = new ArrayList<>();
        for (double load : loads) {
            if (!(load <= simulatedUpTo)) {
                matched.add(null);
                continue;
            }
            SimulationPoint exact = null;
            SimulationPoint sameSize = null;
            for (SimulationPoint point : simulation.points()) {
                if (Math.abs(point.loadRatio() - load) <= SAME_LOAD * load) {
                    exact = point;
                    break;
                }
                if (sameSize == null && point.sampleCount()
                        == ExplorerParameters.sampleCount(load, dimension)) {
                    sameSize = point;
                }
            }
            matched.add(exact != null ? exact : sameSize);
        }
        return matched;
    }

    /** Full-precision, locale-independent; empty for NaN and infinities. */
    static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
