package org.memoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.memoscope.chart.ExplorerChart;
import org.memoscope.compute.JobContext;
import org.memoscope.io.ChartExport;
import org.memoscope.io.ChartPng;
import org.memoscope.io.ExportFormat;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.TheoryCurves;
import org.memoscope.sim.LinearModelExperiment;
import org.memoscope.theory.SpikedTheory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memoscope render}: the window's chart (theory lines, optional simulated
 * points, BBP threshold markers, the cursor) drawn headless to a PNG or SVG file,
 * or its plotted series as CSV. The file is encoded in memory and written in one
 * atomic step.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        sortOptions = false,
        description = {
            "Draws the explorer's chart as a PNG image or an SVG drawing: q, m and Q_k "
                    + "against the load gamma = n/d on a log axis from 0.01 to 100, dashed "
                    + "markers at the thresholds 1/beta_k^2, the cursor at --gamma and, with "
                    + "--simulate, simulated points with one-standard-error bars. "
                    + "As CSV it writes the plotted series instead.",
            ""})
final class RenderCommand implements Callable<Integer> {

    static final int MIN_SIZE = 200;
    static final int MAX_SIZE = 8000;
    static final double MAX_SCALE = 4;
    /** Largest image in pixels (4 bytes each in memory while encoding). */
    static final long MAX_PIXELS = 64_000_000L;
    static final int MAX_POINTS = 10_000;
    static final int MAX_SIM_POINTS = 200;

    private final PrintStream standardOutput;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    private int width;
    private int height;
    private double scale;
    private double cursor;
    private int points;
    private int simPoints;
    private ExportFormat format;

    @Option(names = {"-o", "--output"}, order = 1,
            paramLabel = "<file>", required = true,
            description = "File to write (replaced atomically); '-' writes to standard "
                    + "output. Required.")
    private String output;

    @Option(names = "--format", order = 2, paramLabel = "png|svg|csv",
            description = "png (an image), svg (a drawing whose text stays text) or csv "
                    + "(the plotted series). Default: from the --output file name's ending, "
                    + "else png.")
    void setFormat(String text) {
        format = ExportFormat.named(text.strip());
        if (format == null) {
            throw OptionValues.usage(spec, "--format must be one of png, svg, csv, got '"
                    + text + "'");
        }
    }

    @Option(names = "--width", order = 2, paramLabel = "<pixels>", defaultValue = "1200",
            description = "Chart width in pixels at scale 1, 200..8000. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setWidth(String text) {
        width = OptionValues.integer(spec, "--width", text, MIN_SIZE, MAX_SIZE, "pixels");
    }

    @Option(names = "--height", order = 3, paramLabel = "<pixels>", defaultValue = "800",
            description = "Chart height in pixels at scale 1, 200..8000. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setHeight(String text) {
        height = OptionValues.integer(spec, "--height", text, MIN_SIZE, MAX_SIZE, "pixels");
    }

    @Option(names = "--scale", order = 4, paramLabel = "<factor>", defaultValue = "1",
            description = "Pixel density (a factor), 1..4: the same layout drawn at "
                    + "scale x width by scale x height pixels, with crisp text, for "
                    + "high-density screens and print; at most 64 million pixels in all. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setScale(String text) {
        scale = OptionValues.real(spec, "--scale", text, 1, MAX_SCALE, "");
    }

    @Option(names = "--gamma", order = 5, paramLabel = "<gamma>", defaultValue = "1",
            description = "Cursor position: the load gamma = n/d (dimensionless) marked by "
                    + "a vertical line, 0.01..100. Default: the gamma of --preset or "
                    + "--state, else ${DEFAULT-VALUE}.")
    void setCursor(String text) {
        cursor = OptionValues.real(spec, "--gamma", text, ExplorerChart.MIN_LOAD,
                ExplorerChart.MAX_LOAD, "");
    }

    @Option(names = "--points", order = 6, paramLabel = "<count>", defaultValue = "300",
            description = "Theory grid points, log-spaced over 0.01..100, 2..10000. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setPoints(String text) {
        points = OptionValues.integer(spec, "--points", text, 2, MAX_POINTS, "");
    }

    @Option(names = "--sim-points", order = 24,
            paramLabel = "<count>", defaultValue = "13",
            description = "With --simulate: simulated loads, log-spaced from 0.01 to the "
                    + "largest load simulated at the given dimension (at most 100), "
                    + "1..200. Default: ${DEFAULT-VALUE}.")
    void setSimPoints(String text) {
        simPoints = OptionValues.integer(spec, "--sim-points", text, 1, MAX_SIM_POINTS, "");
    }

    /** @param standardOutput where {@code --output -} writes */
    RenderCommand(PrintStream standardOutput) {
        this.standardOutput = standardOutput;
    }

    @Override
    public Integer call() {
        validate();
        OutputTarget target = OutputTarget.named(output);
        target.checkWritable();

        double cursorLoad = model.given("--gamma") ? cursor : model.loadRatio(cursor);
        ExplorerParameters parameters = model.parameters(cursorLoad);
        double[] grid = LoadGrid.logarithmic(ExplorerChart.MIN_LOAD, ExplorerChart.MAX_LOAD,
                points);
        TheoryCurves theory = SpikedTheory.curves(parameters, grid);
        SimulationCurve simulation = model.simulate() ? simulate(parameters) : null;

        ExplorerChart chart = new ExplorerChart();
        chart.showTheory(theory);
        chart.showSimulation(simulation);
        chart.moveCursor(cursorLoad);
        ExportFormat chosen = chosenFormat();
        byte[] bytes;
        try {
            bytes = ChartExport.encode(chosen, chart, parameters, width, height, scale);
        } catch (IOException failure) {
            throw new CliFailure("cannot encode the " + chosen.description() + ": "
                    + OutputTarget.reason(failure), failure);
        }
        target.write(bytes, standardOutput);
        return 0;
    }

    /** --format, else the output's file ending, else PNG. */
    private ExportFormat chosenFormat() {
        if (format != null) {
            return format;
        }
        ExportFormat byName = ExportFormat.ofFileName(output);
        return byName != null ? byName : ExportFormat.PNG;
    }

    private void validate() {
        model.validate();
        long pixels = (long) ChartPng.pixels(width, scale) * ChartPng.pixels(height, scale);
        if (pixels > MAX_PIXELS) {
            throw OptionValues.usage(spec, "--scale x --width x --height must give at most "
                    + MAX_PIXELS + " pixels, got " + ChartPng.pixels(width, scale) + " x "
                    + ChartPng.pixels(height, scale));
        }
    }

    private SimulationCurve simulate(ExplorerParameters parameters) {
        double upTo = Math.min(ExplorerChart.MAX_LOAD,
                LinearModelExperiment.maxSimulatedLoad(parameters.dimension()));
        if (!(upTo >= ExplorerChart.MIN_LOAD)) {
            return null;
        }
        double[] loads = LoadGrid.logarithmic(ExplorerChart.MIN_LOAD, upTo, simPoints);
        return LinearModelExperiment.curve(parameters, loads, JobContext.NONE);
    }
}
