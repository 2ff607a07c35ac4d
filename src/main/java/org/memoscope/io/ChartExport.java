package org.memoscope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.memoscope.chart.ExplorerChart;
import org.memoscope.model.ExplorerParameters;

/**
 * The explorer chart exported as the window and the command line both write it:
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
        switch (format) {
            case PNG:
                return ChartPng.encode(chart.chart(), width, height, scale);
            case SVG:
                return ChartSvg.encode(chart.chart(), width, height);
            case CSV:
                return csv(chart, state).getBytes(StandardCharsets.UTF_8);
            default:
                throw new IllegalArgumentException("unknown format " + format);
        }
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
}
