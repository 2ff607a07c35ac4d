package org.memoscope.io;

import java.util.Locale;
import java.util.StringJoiner;

import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.model.Estimate;

/**
 * A data experiment as a CSV table, one row per training-set size n.
 *
 * <p>Columns: {@code gamma, n, q, q_se, q_trace, q_trace_se, m, m_se, m_baseline,
 * m_baseline_se}, then {@code Qk, Qk_se} for k = 1..r, then the theory {@code q_theory,
 * Q1_theory..Qr_theory}. Values that are not finite (a baseline with no held-out image, an
 * unavailable theory) are left empty, and so is the standard error of a single draw (the
 * trace form with one repetition). Numbers are written with {@link Double#toString(double)}
 * (full precision, a point as decimal separator in every locale); lines end in LF. Before the
 * header, lines starting with {@code #} record the request: source, d, seeds, repetitions,
 * root seed, and the size of the eigenvalue group each Q_k is measured against.
 */
public final class DataCsv {

    private DataCsv() {
    }

    /** The header line (without line end) for r latent factors. */
    public static String header(int factors) {
        StringJoiner columns = new StringJoiner(",");
        columns.add("gamma").add("n").add("q").add("q_se").add("q_trace").add("q_trace_se")
                .add("m").add("m_se").add("m_baseline").add("m_baseline_se");
        for (int k = 1; k <= factors; k++) {
            columns.add("Q" + k).add("Q" + k + "_se");
        }
        columns.add("q_theory");
        for (int k = 1; k <= factors; k++) {
            columns.add("Q" + k + "_theory");
        }
        return columns.toString();
    }

    /**
     * The whole table.
     *
     * @param curve             the measured points
     * @param convergenceTheory q_theory per point, or null to leave the column empty
     * @param recoveryTheory    Qk_theory per point and factor, or null
     */
    public static String format(DataCurve curve, double[] convergenceTheory,
                                double[][] recoveryTheory) {
        StringBuilder table = new StringBuilder();
        table.append("# source: ").append(curve.source().replaceAll("\\R", " ")).append('\n');
        table.append(String.format(Locale.ROOT, "# d = %d, seeds = %d, repetitions = %d, "
                        + "seed = %d\n", curve.dimension(), curve.seedCount(),
                curve.repetitions(), curve.seed()));
        int factors = curve.factorCount();
        if (factors > 0) {
            StringJoiner sizes = new StringJoiner(",");
            for (int size : curve.factorGroupSizes()) {
                sizes.add(Integer.toString(size));
            }
            table.append("# Q_k measured against eigenvalue groups of sizes ").append(sizes)
                    .append('\n');
        }
        table.append(header(factors)).append('\n');
        for (int i = 0; i < curve.points().size(); i++) {
            DataPoint point = curve.points().get(i);
            StringJoiner row = new StringJoiner(",");
            row.add(number(point.loadRatio())).add(Integer.toString(point.sampleCount()));
            estimate(row, point.convergence());
            estimate(row, point.convergenceTrace());
            estimate(row, point.memorisation());
            estimate(row, point.memorisationBaseline());
            for (int k = 1; k <= factors; k++) {
                estimate(row, point.latentRecovery(k));
            }
            row.add(convergenceTheory == null ? "" : number(convergenceTheory[i]));
            for (int k = 0; k < factors; k++) {
                row.add(recoveryTheory == null ? "" : number(recoveryTheory[i][k]));
            }
            table.append(row).append('\n');
        }
        return table.toString();
    }

    private static void estimate(StringJoiner row, Estimate estimate) {
        row.add(number(estimate.mean()))
                .add(estimate.draws() < 2 ? "" : number(estimate.standardError()));
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
