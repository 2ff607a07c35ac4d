package org.memoscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.jfree.chart.JFreeChart;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.chart.OrderParameterChart;
import org.memoscope.model.DataParameters;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;

/**
 * The explorer chart, and the "Spectra and data" view's chart, exported as the
 * window and the command line write them:
 * PNG (via {@link ChartPng}), SVG (via {@link ChartSvg}) or the plotted series as
 * CSV (via {@link PlottedSeriesCsv}, headed by the state text that restores the
 * view and the meaning and units of every column). Files are replaced
 * atomically: a failed export leaves no partial file and an existing one as it was.
 */
public final class ChartExport {

    private ChartExport() {
    }

    /**
     * The export as bytes.
     *
     * @param state  the parameters the chart shows (recorded in the CSV header)
     * @param width  layout width at scale 1 (PNG and SVG)
     * @param height layout height at scale 1 (PNG and SVG)
     * @param scale  pixel density of a PNG, 1 to 4; ignored by SVG and CSV
     */
    public static byte[] encode(ExportFormat format, ExplorerChart chart,
                                ExplorerParameters state, int width, int height, double scale)
            throws IOException {
        return encode(format, chart.chart(), () -> csv(chart, state), width, height, scale);
    }

    /** Encodes, then writes {@code file} atomically; nothing is written if either fails. */
    public static void write(Path file, ExportFormat format, ExplorerChart chart,
                             ExplorerParameters state, int width, int height, double scale)
            throws IOException {
        byte[] bytes = encode(format, chart, state, width, height, scale);
        AtomicFiles.write(file, bytes);
    }

    /** The plotted series of {@code chart} with a header describing {@code state}. */
    public static String csv(ExplorerChart chart, ExplorerParameters state) {
        List<String> comments = List.of(
                "Memoscope: the series plotted in the chart, one row per point",
                "memoscope state: " + StateText.format(state),
                "gamma: load n/d, training samples per model divided by the dimension"
                        + " (dimensionless)",
                "value: order parameter, dimensionless in 0..1. q = mean cosine between the"
                        + " two models' samples for one seed (convergence); m = mean largest"
                        + " |cosine| from a sample to a training point (memorisation);"
                        + " Qk = squared overlap of the learnt and the true latent factor k",
                "kind: line = asymptotic theory (d -> infinity; m at d = "
                        + state.dimension() + "); points = finite-size simulation at d = "
                        + state.dimension() + ", " + state.seedCount() + " seeds, "
                        + state.repetitions() + " repetitions: value is the mean, low and"
                        + " high are the mean -/+ one standard error");
        return PlottedSeriesCsv.format(comments, chart.theoryDataset(),
                chart.simulationDataset());
    }

    /**
     * The data view's chart as bytes, as {@link #encode(ExportFormat, ExplorerChart,
     * ExplorerParameters, int, int, double)} does for the explorer's.
     *
     * @param state  the data view's parameters (recorded in the CSV header)
     * @param source what the data are, e.g. "power-law fields 16x16, alpha = 3.00 (d = 256)"
     */
    public static byte[] encode(ExportFormat format, OrderParameterChart chart,
                                DataParameters state, String source, int width, int height,
                                double scale) throws IOException {
        return encode(format, chart.chart(), () -> csv(chart, state, source), width, height, scale);
    }

    /** Encodes the data view's chart, then writes {@code file} atomically. */
    public static void write(Path file, ExportFormat format, OrderParameterChart chart,
                             DataParameters state, String source, int width, int height,
                             double scale) throws IOException {
        AtomicFiles.write(file, encode(format, chart, state, source, width, height, scale));
    }

    /** The series plotted in the data view's chart, headed by its state and source. */
    public static String csv(OrderParameterChart chart, DataParameters state, String source) {
        List<String> comments = List.of(
                "Memoscope: the series plotted in the Spectra and data chart, one row per point",
                "memoscope state: " + StateText.format(state),
                "data: " + source,
                "gamma: load n/d, training samples per model divided by the data's dimension"
                        + " (dimensionless)",
                "value: order parameter, dimensionless in 0..1. q = mean cosine between the"
                        + " two models' samples for one seed (convergence; trace form: from"
                        + " the two learnt covariances); m = mean largest |cosine| from a"
                        + " sample to a training image (memorisation), baseline = the same for"
                        + " held-out real data; Qk = weight of the learnt k-th eigenvector on"
                        + " the population eigenspace of its eigenvalue",
                "kind: line = theory for Gaussian data with the data's own spectrum, d ->"
                        + " infinity; points = the experiment on the data, " + state.seedCount()
                        + " seeds and " + state.repetitions() + " repetition(s) per n: value"
                        + " is the mean, low and high are the mean -/+ one standard error");
        return PlottedSeriesCsv.format(comments, chart.lineDataset(), chart.pointDataset());
    }

    /**
     * The "Denoiser pair" tab's main chart (m, q and Q₁ against N) as bytes, as the other
     * {@code encode} methods do.
     *
     * @param state the tab's settings (recorded in the CSV header as its state text)
     */
    public static byte[] encode(ExportFormat format, OrderParameterChart chart,
                                DenoiserParameters state, int width, int height, double scale)
            throws IOException {
        return encode(format, chart.chart(), () -> csv(chart, state), width, height, scale);
    }

    /** Encodes the "Denoiser pair" tab's main chart, then writes {@code file} atomically. */
    public static void write(Path file, ExportFormat format, OrderParameterChart chart,
                             DenoiserParameters state, int width, int height, double scale)
            throws IOException {
        AtomicFiles.write(file, encode(format, chart, state, width, height, scale));
    }

    /** The series plotted in the "Denoiser pair" tab's main chart, headed by its state. */
    public static String csv(OrderParameterChart chart, DenoiserParameters state) {
        List<String> comments = List.of(
                "Memoscope: the series plotted in the Denoiser pair chart of m, q and Q1"
                        + " against N, one row per point",
                "memoscope state: " + StateText.format(state),
                "N: training images per network (each of the two networks A and B has its"
                        + " own disjoint set of N images)",
                "value: order parameter, dimensionless. m = mean largest cosine from a"
                        + " network's sample to one of its training images (memorisation),"
                        + " baseline = the same for new images of the data; q = mean cosine between"
                        + " the samples of A and B drawn from the same noise (convergence);"
                        + " Q1 = overlap with the data's top principal direction",
                "kind: points = the trained networks (value is the mean, low and high the"
                        + " mean -/+ one standard error where known); line = the linear model"
                        + " simulated on the same images, and its q for d -> infinity");
        return PlottedSeriesCsv.format(comments, "N", chart.lineDataset(),
                chart.pointDataset());
    }

    /** PNG or SVG of {@code chart}, or the CSV text {@code csv} makes; one place for all views. */
    private static byte[] encode(ExportFormat format, JFreeChart chart, Supplier<String> csv,
                                 int width, int height, double scale) throws IOException {
        switch (format) {
            case PNG:
                return ChartPng.encode(chart, width, height, scale);
            case SVG:
                return ChartSvg.encode(chart, width, height);
            case CSV:
                return csv.get().getBytes(StandardCharsets.UTF_8);
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
    }
}
