package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.chart.OrderParameterChart;
import org.memoscope.chart.OrderParameterChart.Line;
import org.memoscope.chart.OrderParameterChart.Points;
import org.memoscope.model.DataParameters;
import org.w3c.dom.Document;

/** Export of the "Spectra and data" chart: PNG size, SVG well-formed, CSV exact. */
class DataChartExportTest {

    private static final DataParameters STATE = DataParameters.DEFAULTS.withExponent(0.1 + 0.2);
    private static final String SOURCE = "power-law fields 16x16, alpha = 0.30 (d = 256)";

    @TempDir
    Path directory;

    @Test
    void pngHasTheLayoutSizeTimesTheScale() throws IOException {
        Path file = directory.resolve("data.png");
        ChartExport.write(file, ExportFormat.PNG, chart(), STATE, SOURCE, 500, 300, 2);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1000, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void svgIsWellFormedAndKeepsTheLegendAsText() throws Exception {
        byte[] svg = ChartExport.encode(ExportFormat.SVG, chart(), STATE, SOURCE, 600, 400, 1);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg));
        assertEquals("svg", document.getDocumentElement().getTagName());
        String texts = document.getDocumentElement().getTextContent();
        assertTrue(texts.contains("q theory"), texts);
        assertTrue(texts.contains("m baseline (held-out data)"), texts);
    }

    @Test
    void csvGivesBackTheStateAndEveryPlottedNumber() {
        OrderParameterChart chart = chart();
        List<String> lines = ChartExport.csv(chart, STATE, SOURCE).lines().toList();

        String state = lines.stream().filter(l -> l.startsWith("# memoscope state: "))
                .findFirst().orElseThrow().substring("# memoscope state: ".length());
        assertEquals(STATE, StateText.parseData(state));
        assertTrue(lines.contains("# data: " + SOURCE), lines.toString());
        int header = lines.indexOf(PlottedSeriesCsv.HEADER);
        assertTrue(header > 0);

        List<String> rows = lines.subList(header + 1, lines.size());
        assertEquals(3 + 2, rows.size(), "three line points, two measured points");
        assertEquals("q theory,line,0.01,0.1,,", rows.get(0));
        String[] point = rows.get(4).split(",", -1);
        assertEquals("m baseline (held-out data)", point[0]);
        assertEquals("points", point[1]);
        assertEquals(0.1 + 0.2, Double.parseDouble(point[3]), 0.0);
        assertEquals(0.1 + 0.2 - 0.05, Double.parseDouble(point[4]), 0.0);
        assertEquals(0.1 + 0.2 + 0.05, Double.parseDouble(point[5]), 0.0);
    }

    @Test
    void theCsvFileIsUtf8() throws IOException {
        Path file = directory.resolve("data.csv");
        ChartExport.write(file, ExportFormat.CSV, chart(), STATE, SOURCE, 1, 1, 1);
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("gamma: load n/d"));
    }

    private static OrderParameterChart chart() {
        OrderParameterChart chart = new OrderParameterChart("load  γ = n / d", 1e-3, 1.3e2,
                "order parameter", 1.05);
        chart.show(List.of(new Line("q theory", Color.BLUE, false,
                        new double[] {0.01, 0.1, 1}, new double[] {0.1, 0.5, 0.9})),
                List.of(new Points("q", Color.BLUE, false, new double[] {0.5},
                                new double[] {0.45}, new double[] {0.01}),
                        new Points("m baseline (held-out data)", Color.GRAY, true,
                                new double[] {2}, new double[] {0.1 + 0.2},
                                new double[] {0.05})),
                List.of());
        return chart;
    }
}
