package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartExportTest {

    private static final ExplorerParameters STATE =
            new ExplorerParameters(0.5, 200, new double[] {2, 0.7}, 0.1 + 0.2, 16, 2, 9);

    @TempDir
    Path directory;

    @Test
    void svgIsWellFormedAndKeepsGreekLettersAsText() throws Exception {
        byte[] svg = ChartExport.encode(ExportFormat.SVG, chart(), STATE, 800, 500, 1);

        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg));
        assertEquals("svg", document.getDocumentElement().getTagName());
        NodeList texts = document.getElementsByTagName("text");
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            all.append(texts.item(i).getTextContent()).append('\n');
        }
        assertTrue(all.toString().contains("load  γ = n / d"), all.toString());
        assertTrue(all.toString().contains("Q2  latent recovery (β2)"), all.toString());
        assertTrue(all.toString().contains("γ = 0.500"), "the cursor label: " + all);
    }

    @Test
    void csvParsesBackToThePlottedValues() throws IOException {
        ExplorerChart chart = chart();
        String csv = new String(ChartExport.encode(ExportFormat.CSV, chart, STATE, 1, 1, 1),
                StandardCharsets.UTF_8);

        List<String> comments = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        String[] lines = csv.split("\n");
        int first = 0;
        while (lines[first].startsWith("#")) {
            comments.add(lines[first++]);
        }
        assertEquals(PlottedSeriesCsv.HEADER, lines[first]);
        for (int i = first + 1; i < lines.length; i++) {
            rows.add(lines[i].split(",", -1));
        }
        assertTrue(comments.contains("# memoscope state: " + StateText.format(STATE)));
        assertEquals(STATE, StateText.parse(comments.get(1).substring(
                "# memoscope state: ".length())));
        assertTrue(String.join("\n", comments).contains("dimensionless"));

        int index = 0;
        var theory = chart.theoryDataset();
        for (int s = 0; s < theory.getSeriesCount(); s++) {
            for (int i = 0; i < theory.getItemCount(s); i++) {
                String[] row = rows.get(index++);
                assertEquals(theory.getSeriesKey(s).toString(), row[0]);
                assertEquals("line", row[1]);
                assertEquals(theory.getXValue(s, i), Double.parseDouble(row[2]), 0.0);
                assertEquals(theory.getYValue(s, i), Double.parseDouble(row[3]), 0.0);
                assertEquals("", row[4]);
            }
        }
        var simulation = chart.simulationDataset();
        assertTrue(simulation.getSeriesCount() > 0);
        for (int s = 0; s < simulation.getSeriesCount(); s++) {
            for (int i = 0; i < simulation.getItemCount(s); i++) {
                String[] row = rows.get(index++);
                assertEquals(simulation.getSeriesKey(s).toString(), row[0]);
                assertEquals("points", row[1]);
                assertEquals(simulation.getYValue(s, i), Double.parseDouble(row[3]), 0.0);
                assertEquals(simulation.getStartYValue(s, i), Double.parseDouble(row[4]), 0.0);
                assertEquals(simulation.getEndYValue(s, i), Double.parseDouble(row[5]), 0.0);
            }
        }
        assertEquals(rows.size(), index, "no rows beyond the plotted points");
    }

    @Test
    void pngHasThePixelSizeOfTheScale() throws IOException {
        Path file = directory.resolve("chart.png");
        ChartExport.write(file, ExportFormat.PNG, chart(), STATE, 300, 200, 3);

        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
    }

    @Test
    void anUnwritablePathLeavesNothingBehind() throws IOException {
        Path missing = directory.resolve("no-such-folder").resolve("chart.svg");
        assertThrows(IOException.class, () -> ChartExport.write(missing, ExportFormat.SVG,
                chart(), STATE, 300, 200, 1));
        assertFalse(Files.exists(missing.getParent()));

        Path existing = Files.writeString(directory.resolve("keep.csv"), "old");
        Path folder = Files.createDirectory(directory.resolve("folder.csv"));
        assertThrows(IOException.class, () -> ChartExport.write(folder, ExportFormat.CSV,
                chart(), STATE, 300, 200, 1));
        assertEquals("old", Files.readString(existing));
        assertEquals(2, directory.toFile().list().length, "no temporary file left");
    }

    @Test
    void formatsAreFoundByNameAndFileEnding() {
        assertEquals(ExportFormat.SVG, ExportFormat.ofFileName("figure.SVG"));
        assertEquals(ExportFormat.CSV, ExportFormat.named("csv"));
        assertEquals(null, ExportFormat.ofFileName("figure.pdf"));
        assertEquals(null, ExportFormat.named("jpeg"));
    }

    /** A chart with two spikes, three theory loads and two simulated points. */
    static ExplorerChart chart() {
        double[] loads = {0.1, 0.5, 2};
        TheoryCurves theory = new TheoryCurves(STATE, loads, new double[] {0.1, 0.4, 0.85},
                new double[] {0.4, 0.25, 0.2}, new double[][] {{0, 0.3, 0.8}, {0, 0, 0.1}});
        Estimate e = new Estimate(0.1 + 0.2, 0.01, 32);
        SimulationPoint point = new SimulationPoint(0.5, 100, 200, e, e, e,
                new Estimate[] {e, new Estimate(0.05, 0.02, 4)});
        SimulationPoint other = new SimulationPoint(2, 400, 200, e, e, e,
                new Estimate[] {e, e});
        ExplorerChart chart = new ExplorerChart();
        chart.showTheory(theory);
        chart.showSimulation(new SimulationCurve(STATE, List.of(point, other)));
        chart.moveCursor(STATE.loadRatio());
        return chart;
    }
}
