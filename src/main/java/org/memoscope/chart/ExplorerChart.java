package org.memoscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;

/**
 * The explorer's one chart: q, m and Q_k against the load gamma on a log axis.
 * Theory is drawn as lines, simulation as points with error bars (one standard
 * error), BBP thresholds gamma_k = 1/beta_k^2 as dashed vertical markers, and
 * the current load as a cursor line.
 *
 * <p>Pure JFreeChart (Java2D), so the window, the CLI's PNG writer and tests
 * share it. Not thread-safe: the window calls it on the FX thread only. Each
 * {@code show...} call is one batch: the chart redraws once, at its end.
 */
public final class ExplorerChart {

    /** Lowest and highest load on the axis, matching the window's slider. */
    public static final double MIN_LOAD = 1e-2;
    public static final double MAX_LOAD = 1e2;

    /** Series keys, also the legend text. */
    public static final String CONVERGENCE = "q  convergence";
    public static final String MEMORISATION = "m  memorisation";
    public static final String CONVERGENCE_TRACE = "q  trace form (sim)";

    private static final Color CONVERGENCE_COLOUR = new Color(0x1f5fbf);
    private static final Color MEMORISATION_COLOUR = new Color(0xd2541a);
    private static final Color[] RECOVERY_COLOURS = {
        new Color(0x2a9d3a), new Color(0x8e44ad), new Color(0x0f8f8f),
        new Color(0xb8860b), new Color(0xc2185b),
    };
    private static final Color CURSOR_COLOUR = new Color(0x333333);

    private final JFreeChart chart;
    private final XYPlot plot;
    private final XYSeriesCollection theory = new XYSeriesCollection();
    private final YIntervalSeriesCollection simulation = new YIntervalSeriesCollection();
    private final XYLineAndShapeRenderer theoryRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYErrorRenderer simulationRenderer = new XYErrorRenderer();
    private final List<ValueMarker> thresholdMarkers = new ArrayList<>();
    private final ValueMarker cursor = new ValueMarker(1.0);
    private float fontScale = 1f;
    private float lineScale = 1f;

    public ExplorerChart() {
        LogAxis loadAxis = new LogAxis("load  γ = n / d");
        loadAxis.setBase(10);
        loadAxis.setSmallestValue(1e-4);
        // A little room beyond the slider's range, so edge points and tick labels show whole.
        loadAxis.setRange(MIN_LOAD / 1.35, MAX_LOAD * 1.35);
        loadAxis.setTickUnit(new NumberTickUnit(1.0));
        loadAxis.setNumberFormatOverride(new OrderParameterChart.PlainNumberFormat());
        loadAxis.setMinorTickMarksVisible(true);

        NumberAxis valueAxis = new NumberAxis("order parameter");
        valueAxis.setRange(0.0, 1.05);
        valueAxis.setTickUnit(new NumberTickUnit(0.1));

        simulationRenderer.setDrawXError(false);
        simulationRenderer.setDrawYError(true);
        simulationRenderer.setDefaultLinesVisible(false);
        simulationRenderer.setDefaultShapesVisible(true);
        simulationRenderer.setCapLength(5.0);
        theoryRenderer.setDefaultToolTipGenerator(ExplorerChart::toolTip);
        simulationRenderer.setDefaultToolTipGenerator(ExplorerChart::toolTip);

        plot = new XYPlot(theory, loadAxis, valueAxis, theoryRenderer);
        plot.setDataset(1, simulation);
        plot.setRenderer(1, simulationRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        cursor.setPaint(CURSOR_COLOUR);
        cursor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        cursor.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(cursor, Layer.FOREGROUND);

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 4, 16));
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        applyStyle();
    }

    /** The chart, for a viewer or a PNG writer. */
    public JFreeChart chart() {
        return chart;
    }

    /** Theory lines: q, m, one Q_k per spike (dataset 0 of the plot). */
    public XYSeriesCollection theoryDataset() {
        return theory;
    }

    /** Simulated points with error bars (dataset 1 of the plot). */
    public YIntervalSeriesCollection simulationDataset() {
        return simulation;
    }

    /** Legend text of the theory line for spike k (0-based). */
    public static String latentRecoveryKey(int k) {
        return "Q" + (k + 1) + "  latent recovery (β" + (k + 1) + ")";
    }

    /** Legend text of the simulated points for spike k (0-based). */
    public static String latentRecoverySimKey(int k) {
        return "Q" + (k + 1) + " (sim)";
    }

    /** Replaces the theory lines and threshold markers; one redraw. */
    public void showTheory(TheoryCurves curves) {
        chart.setNotify(false);
        try {
            theory.removeAllSeries();
            theory.addSeries(line(CONVERGENCE, curves.loadRatios(), curves.convergence()));
            theory.addSeries(line(MEMORISATION, curves.loadRatios(), curves.memorisation()));
            double[][] recovery = curves.latentRecovery();
            for (int k = 0; k < recovery.length; k++) {
                theory.addSeries(line(latentRecoveryKey(k), curves.loadRatios(), recovery[k]));
            }
            placeThresholdMarkers(curves.parameters());
            applyStyle();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Replaces the simulated points; {@code null} clears them. One redraw. */
    public void showSimulation(SimulationCurve curve) {
        chart.setNotify(false);
        try {
            simulation.removeAllSeries();
            if (curve != null && !curve.points().isEmpty()) {
                addSimulationSeries(curve);
            }
            applyStyle();
        } finally {
            chart.setNotify(true);
        }
    }

    private void addSimulationSeries(SimulationCurve curve) {
        YIntervalSeries convergence = new YIntervalSeries(CONVERGENCE + " (sim)", false, true);
        YIntervalSeries trace = new YIntervalSeries(CONVERGENCE_TRACE, false, true);
        YIntervalSeries memorisation = new YIntervalSeries(MEMORISATION + " (sim)", false, true);
        int spikes = curve.parameters().spikeCount();
        List<YIntervalSeries> recovery = new ArrayList<>();
        for (int k = 0; k < spikes; k++) {
            recovery.add(new YIntervalSeries(latentRecoverySimKey(k), false, true));
        }
        for (SimulationPoint point : curve.points()) {
            double load = point.loadRatio();
            add(convergence, load, point.convergence());
            add(trace, load, point.convergenceTrace());
            add(memorisation, load, point.memorisation());
            for (int k = 0; k < spikes; k++) {
                add(recovery.get(k), load, point.latentRecovery(k));
            }
        }
        simulation.addSeries(convergence);
        simulation.addSeries(trace);
        simulation.addSeries(memorisation);
        recovery.forEach(simulation::addSeries);
    }

    private static void add(YIntervalSeries series, double load, Estimate estimate) {
        double mean = estimate.mean();
        double error = Double.isFinite(estimate.standardError()) ? estimate.standardError() : 0;
        if (Double.isFinite(mean)) {
            series.add(load, mean, mean - error, mean + error);
        }
    }

    /** Moves the cursor line to {@code loadRatio}; one redraw (value and label at once). */
    public void moveCursor(double loadRatio) {
        chart.setNotify(false);
        try {
            cursor.setValue(loadRatio);
            cursor.setLabel(String.format(Locale.ROOT, "γ = %.3g", loadRatio));
        } finally {
            chart.setNotify(true);
        }
    }

    /** Current cursor position. */
    public double cursorLoad() {
        return cursor.getValue();
    }

    /** Loads of the BBP threshold markers currently drawn. */
    public double[] thresholdLoads() {
        return thresholdMarkers.stream().mapToDouble(ValueMarker::getValue).toArray();
    }

    /**
     * Scales fonts and line widths, e.g. 1.8 and 2.5 for a projector. One redraw.
     */
    public void setPresentationScale(float fonts, float lines) {
        fontScale = fonts;
        lineScale = lines;
        chart.setNotify(false);
        try {
            applyStyle();
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The tooltip of a plotted point: its series, load and value, and for a
     * simulated point the standard error, e.g. "q  convergence: γ = 0.5, 0.4123".
     */
    static String toolTip(XYDataset dataset, int series, int item) {
        String text = String.format(Locale.ROOT, "%s:  γ = %.3g,  %.4f",
                dataset.getSeriesKey(series), dataset.getXValue(series, item),
                dataset.getYValue(series, item));
        if (dataset instanceof IntervalXYDataset interval) {
            double error = (interval.getEndYValue(series, item)
                    - interval.getStartYValue(series, item)) / 2;
            text += String.format(Locale.ROOT, " ± %.4f (one standard error)", error);
        }
        return text;
    }

    private void placeThresholdMarkers(ExplorerParameters parameters) {
        thresholdMarkers.forEach(marker -> plot.removeDomainMarker(marker, Layer.FOREGROUND));
        thresholdMarkers.clear();
        for (int k = 0; k < parameters.spikeCount(); k++) {
            double beta = parameters.spikeStrength(k);
            double threshold = 1.0 / (beta * beta);
            if (!(threshold >= MIN_LOAD && threshold <= MAX_LOAD)) {
                continue;
            }
            ValueMarker marker = new ValueMarker(threshold);
            marker.setPaint(RECOVERY_COLOURS[k]);
            marker.setLabel(String.format(Locale.ROOT, "1/β%d² = %.3g", k + 1, threshold));
            marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            thresholdMarkers.add(marker);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    private void applyStyle() {
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * fontScale));
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(14 * fontScale));
        Font markerFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * fontScale));
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelFont(tickFont);
            axis.setLabelFont(labelFont);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(tickFont);
        }
        // Enlarged for a projector: black text and darker grid lines for contrast.
        boolean enlarged = fontScale > 1;
        Color text = enlarged ? Color.BLACK : Color.DARK_GRAY;
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelPaint(text);
            axis.setLabelPaint(Color.BLACK);
            axis.setAxisLinePaint(enlarged ? Color.BLACK : Color.GRAY);
        }
        Color grid = enlarged ? new Color(0xaaaaaa) : new Color(0xdddddd);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        // Large tick labels need fewer ticks, and a long legend a slightly smaller font.
        ((NumberAxis) plot.getRangeAxis()).setTickUnit(new NumberTickUnit(enlarged ? 0.2 : 0.1),
                false, false);
        if (legend != null && enlarged) {
            legend.setItemFont(tickFont.deriveFont(tickFont.getSize2D() * 0.85f));
        }

        BasicStroke line = new BasicStroke(2.2f * lineScale, BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND);
        for (int i = 0; i < theory.getSeriesCount(); i++) {
            theoryRenderer.setSeriesPaint(i, colourOf(theory.getSeriesKey(i).toString()));
            theoryRenderer.setSeriesStroke(i, line);
        }
        double size = 7 * Math.max(1, lineScale * 0.8);
        Shape disc = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        Shape square = new Rectangle2D.Double(-size / 2.6, -size / 2.6, size / 1.3, size / 1.3);
        for (int i = 0; i < simulation.getSeriesCount(); i++) {
            String key = simulation.getSeriesKey(i).toString();
            Paint paint = colourOf(key);
            simulationRenderer.setSeriesPaint(i, paint);
            simulationRenderer.setSeriesShape(i, key.equals(CONVERGENCE_TRACE) ? square : disc);
            simulationRenderer.setSeriesShapesFilled(i, !key.equals(CONVERGENCE_TRACE));
        }
        simulationRenderer.setErrorStroke(new BasicStroke(1.2f * lineScale));

        BasicStroke dashed = new BasicStroke(1.4f * lineScale, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f * lineScale, 4f * lineScale}, 0f);
        Color labelBackground = enlarged ? new Color(255, 255, 255, 220)
                : new Color(100, 100, 100, 100);
        for (ValueMarker marker : thresholdMarkers) {
            marker.setStroke(dashed);
            marker.setLabelFont(markerFont);
            marker.setLabelBackgroundColor(labelBackground);
        }
        cursor.setStroke(new BasicStroke(1.5f * lineScale));
        cursor.setLabelFont(markerFont);
        cursor.setLabelBackgroundColor(labelBackground);
    }

    private static Color colourOf(String key) {
        if (key.startsWith("q")) {
            return CONVERGENCE_COLOUR;
        }
        if (key.startsWith("m")) {
            return MEMORISATION_COLOUR;
        }
        if (key.startsWith("Q")) {
            int k = key.charAt(1) - '1';
            return RECOVERY_COLOURS[Math.max(0, Math.min(RECOVERY_COLOURS.length - 1, k))];
        }
        return Color.GRAY;
    }

    private static XYSeries line(String key, double[] x, double[] y) {
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                series.add(x[i], y[i], false);
            }
        }
        return series;
    }
}
