package org.memoscope.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A chart of order parameters against a logarithmic x axis: theory as lines, measurements
 * as points with one-standard-error bars, optional vertical markers and a cursor line.
 * Callers describe what to draw with {@link Line} and {@link Points} records; each
 * {@link #show} is one batch and one redraw. Pure JFreeChart (Java2D); not thread-safe.
 */
public final class OrderParameterChart {

    /** A theory curve. Non-finite y values are left out. */
    public record Line(String key, Color colour, boolean dashed, double[] x, double[] y) {
    }

    /** Measured points with symmetric error bars; {@code error} may be null. */
    public record Points(String key, Color colour, boolean hollow, double[] x, double[] y,
                         double[] error) {
    }

    /** A vertical marker, e.g. a threshold. */
    public record Marker(double x, String label, Color colour) {
    }

    private final JFreeChart chart;
    private final XYPlot plot;
    private final XYSeriesCollection lines = new XYSeriesCollection();
    private final YIntervalSeriesCollection points = new YIntervalSeriesCollection();
    private final XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
    private final XYErrorRenderer pointRenderer = new XYErrorRenderer();
    private final List<Boolean> dashedLines = new ArrayList<>();
    private final List<Color> lineColours = new ArrayList<>();
    private final List<Color> pointColours = new ArrayList<>();
    private final List<Boolean> hollowPoints = new ArrayList<>();
    private final List<ValueMarker> markers = new ArrayList<>();
    private final ValueMarker cursor = new ValueMarker(1.0);
    private float fontScale = 1f;
    private float lineScale = 1f;
    /** Fixed width of the y axis, pixels; 0 for automatic. */
    private double rangeAxisWidth;
    /** Fixed padding right of the plot, pixels; 0 for automatic. */
    private int rightPadding;

    /**
     * @param xLabel x axis label
     * @param xMin   left end of the log axis, &gt; 0
     * @param xMax   right end
     * @param yLabel y axis label
     * @param yMax   top of the y axis (bottom is 0)
     */
    public OrderParameterChart(String xLabel, double xMin, double xMax, String yLabel,
                               double yMax) {
        LogAxis xAxis = new DecadeAxis(xLabel);
        xAxis.setBase(10);
        xAxis.setSmallestValue(xMin / 10);
        xAxis.setRange(xMin, xMax);
        xAxis.setTickUnit(new NumberTickUnit(1.0));
        xAxis.setNumberFormatOverride(new PlainNumberFormat());
        xAxis.setMinorTickMarksVisible(true);

        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setRange(0.0, yMax);

        pointRenderer.setDrawXError(false);
        pointRenderer.setDefaultLinesVisible(false);
        pointRenderer.setDefaultShapesVisible(true);
        pointRenderer.setCapLength(5.0);

        plot = new XYPlot(lines, xAxis, yAxis, lineRenderer);
        plot.setDataset(1, points);
        plot.setRenderer(1, pointRenderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        cursor.setPaint(Palette.CURSOR);
        cursor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        cursor.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(cursor, Layer.FOREGROUND);

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        chart.getLegend().setFrame(BlockBorder.NONE);
        applyStyle();
    }

    public JFreeChart chart() {
        return chart;
    }

    public XYSeriesCollection lineDataset() {
        return lines;
    }

    public YIntervalSeriesCollection pointDataset() {
        return points;
    }

    /** Replaces lines, points and markers in one batch. */
    public void show(List<Line> newLines, List<Points> newPoints, List<Marker> newMarkers) {
        chart.setNotify(false);
        try {
            lines.removeAllSeries();
            lineColours.clear();
            dashedLines.clear();
            for (Line line : newLines) {
                XYSeries series = new XYSeries(line.key(), false, true);
                for (int i = 0; i < line.x().length; i++) {
                    if (Double.isFinite(line.y()[i]) && line.x()[i] > 0) {
                        series.add(line.x()[i], line.y()[i], false);
                    }
                }
                lines.addSeries(series);
                lineColours.add(line.colour());
                dashedLines.add(line.dashed());
            }

            points.removeAllSeries();
            pointColours.clear();
            hollowPoints.clear();
            for (Points set : newPoints) {
                YIntervalSeries series = new YIntervalSeries(set.key(), false, true);
                for (int i = 0; i < set.x().length; i++) {
                    double y = set.y()[i];
                    double e = set.error() == null || !Double.isFinite(set.error()[i])
                            ? 0 : set.error()[i];
                    if (Double.isFinite(y) && set.x()[i] > 0) {
                        series.add(set.x()[i], y, y - e, y + e);
                    }
                }
                points.addSeries(series);
                pointColours.add(set.colour());
                hollowPoints.add(set.hollow());
            }

            markers.forEach(marker -> plot.removeDomainMarker(marker, Layer.FOREGROUND));
            markers.clear();
            for (Marker spec : newMarkers) {
                ValueMarker marker = new ValueMarker(spec.x());
                marker.setPaint(spec.colour());
                marker.setLabel(spec.label());
                marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
                marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                markers.add(marker);
                plot.addDomainMarker(marker, Layer.FOREGROUND);
            }
            applyStyle();
        } finally {
            chart.setNotify(true);
        }
    }

    /** Moves the cursor line; NaN hides it. */
    public void moveCursor(double x, String label) {
        cursor.setValue(Double.isFinite(x) ? x : -1);
        cursor.setLabel(label);
    }

    public double cursorPosition() {
        return cursor.getValue();
    }

    /** Sets the y range, e.g. when distances exceed 1. */
    public void setYRange(double max) {
        plot.getRangeAxis().setRange(0.0, max);
    }

    /**
     * Gives the y axis (its labels and title) a fixed width in pixels, so charts stacked
     * above each other have their plots, and so their x axes, aligned (the caller sizes it
     * for the larger fonts of the charts); 0 lets the axis take the width its labels need.
     */
    public void setRangeAxisWidth(double pixels) {
        rangeAxisWidth = pixels;
        applyStyle();
    }

    /**
     * Fixes the padding right of the plot in pixels, for the same reason as
     * {@link #setRangeAxisWidth}; 0 sizes it for half of the last tick label at the chart's
     * own font.
     */
    public void setRightPadding(int pixels) {
        rightPadding = pixels;
        applyStyle();
    }

    /** Scales fonts and line widths, e.g. for a projector. One redraw. */
    public void setPresentationScale(float fonts, float lineWidths) {
        fontScale = fonts;
        lineScale = lineWidths;
        chart.setNotify(false);
        try {
            applyStyle();
        } finally {
            chart.setNotify(true);
        }
    }

    private void applyStyle() {
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * fontScale));
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(14 * fontScale));
        Font markerFont = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * fontScale));
        for (ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setTickLabelFont(tickFont);
            axis.setLabelFont(labelFont);
        }
        // Large fonts grow the legend less than the axes: it is read once, the axes often.
        // Room on the right for half of the last tick label ("10000") at this font size.
        int right = rightPadding > 0 ? rightPadding
                : fontScale > 1 ? Math.round(18 * fontScale) : 16;
        chart.setPadding(new RectangleInsets(8, 8, 4, right));
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN,
                Math.round(12 * (1 + 0.7f * (fontScale - 1)))));
        AxisSpace rangeSpace = null;
        if (rangeAxisWidth > 0) {
            rangeSpace = new AxisSpace();
            rangeSpace.setLeft(rangeAxisWidth);
        }
        plot.setFixedRangeAxisSpace(rangeSpace);

        for (int i = 0; i < lineColours.size(); i++) {
            lineRenderer.setSeriesPaint(i, lineColours.get(i));
            lineRenderer.setSeriesStroke(i, dashedLines.get(i)
                    ? dashed(2.0f * lineScale) : solid(2.2f * lineScale));
        }
        double size = 7 * Math.max(1, lineScale * 0.8);
        Shape disc = new Ellipse2D.Double(-size / 2, -size / 2, size, size);
        Shape square = new Rectangle2D.Double(-size / 2.6, -size / 2.6, size / 1.3, size / 1.3);
        for (int i = 0; i < pointColours.size(); i++) {
            boolean hollow = hollowPoints.get(i);
            pointRenderer.setSeriesPaint(i, pointColours.get(i));
            pointRenderer.setSeriesShape(i, hollow ? square : disc);
            pointRenderer.setSeriesShapesFilled(i, !hollow);
        }
        pointRenderer.setErrorStroke(new BasicStroke(1.2f * lineScale));
        for (ValueMarker marker : markers) {
            marker.setStroke(dashed(1.4f * lineScale));
            marker.setLabelFont(markerFont);
        }
        cursor.setStroke(solid(1.5f * lineScale));
        cursor.setLabelFont(markerFont);
    }

    private static BasicStroke solid(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f * lineScale, 4f * lineScale}, 0f);
    }

    /** Puts the legend to the right of the plot (one column) or below it (in rows). */
    public void setLegendBeside(boolean beside) {
        chart.getLegend().setPosition(beside ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
    }

    /**
     * A log axis with a label at every decade, or at every second, third, ... decade when
     * the labels would otherwise crowd together (large fonts on a narrow chart). The labelled
     * decades are multiples of the step, so 0.01, 1, 100, 10000 rather than 0.001, 0.1, 10.
     */
    static final class DecadeAxis extends LogAxis {

        DecadeAxis(String label) {
            super(label);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea,
                                              RectangleEdge edge) {
            List ticks = new ArrayList();
            double low = getLowerBound();
            double high = getUpperBound();
            if (!(low > 0) || !(high > low)) {
                return ticks;
            }
            int first = (int) Math.ceil(Math.log10(low) - 1e-9);
            int last = (int) Math.floor(Math.log10(high) + 1e-9);
            int step = decadeStep(g2, first, last, dataArea.getWidth());
            TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER
                    : TextAnchor.TOP_CENTER;
            for (int decade = first; decade <= last; decade++) {
                if (Math.floorMod(decade, step) == 0) {
                    double value = Math.pow(10, decade);
                    ticks.add(new LogTick(TickType.MAJOR, value, createTickLabel(value), anchor));
                }
            }
            return ticks;
        }

        /** The smallest step in decades at which the widest label, plus a gap, fits. */
        private int decadeStep(Graphics2D g2, int first, int last, double width) {
            FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
            double widest = 0;
            for (int decade = first; decade <= last; decade++) {
                java.text.NumberFormat format = getNumberFormatOverride();
                double value = Math.pow(10, decade);
                String text = format == null ? String.valueOf(value) : format.format(value);
                widest = Math.max(widest, metrics.stringWidth(text));
            }
            double room = widest + metrics.getHeight() / 2.0;
            int step = 1;
            while (step < 6 && ((last - first) / step + 1) * room > width) {
                step++;
            }
            return step;
        }
    }

    /** Tick labels 0.01, 0.1, 1, 10, 100 rather than 1E-2. */
    static final class PlainNumberFormat extends java.text.NumberFormat {

        @Override
        public StringBuffer format(double number, StringBuffer target,
                                   java.text.FieldPosition position) {
            return target.append(new java.math.BigDecimal(number)
                    .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString());
        }

        @Override
        public StringBuffer format(long number, StringBuffer target,
                                   java.text.FieldPosition position) {
            return target.append(number);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition position) {
            return null;
        }
    }

    /** "γ = 0.123" style label. */
    public static String label(String symbol, double value) {
        return String.format(Locale.ROOT, "%s = %.3g", symbol, value);
    }
}
