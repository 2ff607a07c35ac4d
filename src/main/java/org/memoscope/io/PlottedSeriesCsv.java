package org.memoscope.io;

import java.util.List;

import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * The series a chart plots, as CSV in long form: one row per plotted point.
 *
 * <p>The file opens with comment lines ({@code # ...}) that say what produced it
 * (for Memoscope, the state text that restores the view) and what the columns
 * mean, then the header {@code series,kind,gamma,value,low,high} (another name than
 * {@code gamma} for the x column where the chart plots something else). {@code series}
 * is the legend text, {@code kind} is {@code line} for a curve and
 * {@code points} for measured points with error bars; {@code low} and
 * {@code high} are the ends of the error bar (empty for a line). Numbers are
 * written with {@link Double#toString(double)}, so they parse back to the
 * plotted values exactly. Fields that hold a comma, a quote or a line end are
 * quoted as RFC 4180 says. Lines end in LF.
 */
public final class PlottedSeriesCsv {

    /** The column header, without line end. */
    public static final String HEADER = "series,kind,gamma,value,low,high";

    private PlottedSeriesCsv() {
    }

    /**
     * The table.
     *
     * @param comments lines written first, each after "# " (a line end inside one
     *                 starts a new comment line)
     * @param lines    curves, one series each; may be null
     * @param points   points with error bars (start and end y); may be null
     */
    public static String format(List<String> comments, XYDataset lines,
                                IntervalXYDataset points) {
        return format(comments, "gamma", lines, points);
    }

    /** The table, with {@code xName} as the header of the x column. */
    public static String format(List<String> comments, String xName, XYDataset lines,
                                IntervalXYDataset points) {
        StringBuilder csv = new StringBuilder();
        for (String comment : comments) {
            for (String line : comment.split("\\R", -1)) {
                csv.append("# ").append(line).append('\n');
            }
        }
        csv.append(HEADER.replace(",gamma,", "," + xName + ",")).append('\n');
        if (lines != null) {
            for (int s = 0; s < lines.getSeriesCount(); s++) {
                String key = field(lines.getSeriesKey(s).toString());
                for (int i = 0; i < lines.getItemCount(s); i++) {
                    csv.append(key).append(",line,").append(number(lines.getXValue(s, i)))
                            .append(',').append(number(lines.getYValue(s, i))).append(",,\n");
                }
            }
        }
        if (points != null) {
            for (int s = 0; s < points.getSeriesCount(); s++) {
                String key = field(points.getSeriesKey(s).toString());
                for (int i = 0; i < points.getItemCount(s); i++) {
                    csv.append(key).append(",points,").append(number(points.getXValue(s, i)))
                            .append(',').append(number(points.getYValue(s, i)))
                            .append(',').append(number(points.getStartYValue(s, i)))
                            .append(',').append(number(points.getEndYValue(s, i)))
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static String field(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
