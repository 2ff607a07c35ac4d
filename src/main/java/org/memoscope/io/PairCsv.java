package org.memoscope.io;

import java.util.List;
import java.util.Locale;

import org.memoscope.diffusion.PairExperiment;
import org.memoscope.diffusion.PairPoint;
import org.memoscope.model.DataPoint;

/**
 * The pair experiment as CSV: comment lines ({@code #}) with the data, settings, time and
 * cache notes, a header, then one row per N. Per-level columns carry the noise-to-signal
 * ratio s in their name. The linear model's columns are empty when it was not measured;
 * {@code linear_q_theory} is its q in the high-dimensional limit for the pool's spectrum.
 */
public final class PairCsv {

    private PairCsv() {
    }

    /** The table. */
    public static String format(PairExperiment.Result result) {
        StringBuilder out = new StringBuilder();
        PairExperiment.Request request = result.request();
        out.append("# denoiser pair experiment: ").append(result.description()).append('\n');
        out.append("# network: ").append(request.training().key()).append('\n');
        out.append("# schedule: ").append(request.schedule()).append("; sampler: ")
                .append(request.sampler()).append("; samples: ").append(request.samples())
                .append("; held-out: ").append(request.heldOut()).append("; seed: ")
                .append(request.seed()).append('\n');
        out.append(String.format(Locale.ROOT, "# total time: %.1f s%n", result.seconds()));
        for (String note : result.notes()) {
            out.append("# note: ").append(note.replaceAll("\\s+", " ")).append('\n');
        }

        List<PairPoint> points = result.points();
        double[] levels = points.isEmpty() ? new double[0] : points.get(0).noiseLevels();
        StringBuilder header = new StringBuilder("n,regime,m,m_se,m_baseline,m_baseline_se,q,"
                + "q_se,Q1,Q2,Q3,train_error,test_error,denoiser_distance,sample_variance,"
                + "linear_q,linear_m,linear_m_baseline,linear_Q1,linear_q_theory,seconds");
        for (String name : new String[] {"train_error", "test_error", "distance"}) {
            for (double level : levels) {
                header.append(',').append(name).append("_s").append(number(level));
            }
        }
        out.append(header).append('\n');

        for (int i = 0; i < points.size(); i++) {
            PairPoint point = points.get(i);
            DataPoint linear = result.linear() == null ? null
                    : result.linear().points().get(i);
            StringBuilder row = new StringBuilder();
            row.append(point.sampleCount()).append(',').append(point.regime().label());
            append(row, point.memorisation().mean(), point.memorisation().standardError(),
                    point.memorisationBaseline().mean(),
                    point.memorisationBaseline().standardError(), point.convergence().mean(),
                    point.convergence().standardError());
            double[] recovery = point.latentRecovery();
            for (int k = 0; k < 3; k++) {
                append(row, k < recovery.length ? recovery[k] : Double.NaN);
            }
            append(row, point.meanTrainError(), point.meanTestError(),
                    point.meanDenoiserDistance(), point.sampleVariance());
            if (linear == null) {
                row.append(",,,,");
            } else {
                append(row, linear.convergence().mean(), linear.memorisation().mean(),
                        linear.memorisationBaseline().mean(),
                        linear.latentRecovery().length > 0
                                ? linear.latentRecovery(1).mean() : Double.NaN);
            }
            append(row, result.theory() == null ? Double.NaN
                    : result.theory().convergenceAt(point.sampleCount()));
            append(row, point.seconds());
            append(row, point.trainError());
            append(row, point.testError());
            append(row, point.denoiserDistance());
            out.append(row).append('\n');
        }
        return out.toString();
    }

    private static void append(StringBuilder row, double... values) {
        for (double value : values) {
            row.append(',');
            if (Double.isFinite(value)) {
                row.append(number(value));
            }
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e").replaceAll("\\.$", "");
    }
}
