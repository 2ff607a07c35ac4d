package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.io.PlottedSeriesCsv;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * Presets, the state text through the clipboard, keyboard control, presentation
 * mode and exports, driven in a window assembled as the application assembles
 * it (headless Monocle in CI). The simulation is switched off where it is not
 * under test, so the tests do not compete with it for the processor.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerFeaturesTest {

    @TempDir
    Path directory;

    private ExplorerViewModel model;
    private ExplorerView view;
    private ExplorerActions actions;
    private PresentationMode presentation;
    private BorderPane root;

    @Start
    void start(Stage stage) {
        model = new ExplorerViewModel();
        model.setSimulationEnabled(false);
        view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        root = new BorderPane(view.root());
        presentation = new PresentationMode(root);
        presentation.register(view::setPresentation);
        ExplorerMenus menus = new ExplorerMenus(stage, actions, presentation);
        Menu file = new Menu("File");
        file.getItems().addAll(menus.fileItems());
        root.setTop(new MenuBar(file, menus.editMenu(), menus.viewMenu(),
                new Menu("Help", null, menus.explanationItem())));
        Scene scene = new Scene(root, 1200, 780);
        scene.getStylesheets().add(Objects.requireNonNull(
                MemoscopeApp.class.getResource("memoscope.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeModel() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(model::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- presets ------------------------------------------------------------------

    @Test
    void everyBuiltInPresetMovesTheControlsAndTheChart(FxRobot robot) throws PresetException {
        for (String name : PresetCatalog.builtInNames()) {
            Preset preset = PresetCatalog.builtIn(name);
            if (!preset.isSpiked()) {
                continue; // the data tabs' presets: DataTabsFeaturesTest
            }
            ExplorerParameters p = preset.parameters();
            robot.interact(() -> actions.apply(preset));
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals(p, model.parameters(), name);
            assertEquals(ParameterControl.formatLoad(p.loadRatio()), field(robot, "#load-field"));
            assertEquals(Long.toString(p.dimension()), field(robot, "#dimension-field"));
            assertEquals(p.spikeCount(), robot.lookup("#spike-count")
                    .queryAs(Spinner.class).getValue(), name);
            for (int k = 0; k < p.spikeCount(); k++) {
                Node slider = robot.lookup("#beta" + (k + 1) + "-slider").query();
                assertTrue(shown(slider), name + ": beta" + (k + 1) + " shows");
                assertEquals(p.spikeStrength(k), Double.parseDouble(
                        field(robot, "#beta" + (k + 1) + "-field")), 1e-9);
            }
            if (p.spikeCount() < ExplorerParameters.MAX_SPIKES) {
                assertFalse(shown(robot.lookup("#beta" + (p.spikeCount() + 1) + "-slider")
                        .query()), name + ": unused spikes are hidden");
            }

            ExplorerChart chart = view.chart();
            assertEquals(p.loadRatio(), chart.cursorLoad(), 0.0, name);
            assertEquals(2 + p.spikeCount(), chart.theoryDataset().getSeriesCount(), name);
            List<Double> expected = new ArrayList<>();
            for (double beta : p.spikeStrengths()) {
                double threshold = 1 / (beta * beta);
                if (threshold >= ExplorerChart.MIN_LOAD && threshold <= ExplorerChart.MAX_LOAD) {
                    expected.add(threshold);
                }
            }
            assertEquals(expected.toString(), boxed(chart.thresholdLoads()).toString(), name);
            assertEquals(preset.title(), robot.lookup("#preset-title").queryAs(Label.class)
                    .getText());
            assertTrue(view.presetNote().isShowing());
        }
    }

    @Test
    void aPresetCanBeChosenFromTheMenu(FxRobot robot) throws PresetException {
        Preset strong = PresetCatalog.builtIn("strong-spike");

        robot.clickOn("File").moveTo("Presets");
        WaitForAsyncUtils.waitForFxEvents();
        Node item = robot.lookup(strong.title())
                .match((Node n) -> n.getScene() != null && n.getScene().getWindow().isShowing())
                .query();
        // Across into the submenu first, then down, so the pointer never leaves it.
        robot.clickOn(item, Motion.HORIZONTAL_FIRST);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(strong.parameters(), model.parameters());
    }

    @Test
    void savedPresetLoadsBackAndAResetReturnsEveryControlToItsDefault(FxRobot robot)
            throws Exception {
        Path file = directory.resolve("mine.json");
        ExplorerParameters odd = new ExplorerParameters(0.1 + 0.2, 321, new double[] {0.7, 9.5},
                0.25, 17, 3, 42);
        robot.interact(() -> model.setParameters(odd));
        robot.interact(() -> call(() -> actions.saveAsPreset(file, " Mine ", "Look here.")));

        robot.interact(() -> {
            actions.reset();
            model.setSimulationEnabled(false);
        });
        assertEquals(ExplorerParameters.DEFAULTS, model.parameters());
        assertEquals(ParameterControl.formatLoad(1.0), field(robot, "#load-field"));
        assertEquals("500", field(robot, "#dimension-field"));
        assertEquals("64", field(robot, "#seeds-field"));
        assertEquals(2, robot.lookup("#repetitions").queryAs(Spinner.class).getValue());
        assertFalse(view.presetNote().isShowing(), "reset hides the preset note");

        AtomicReference<Preset> loaded = new AtomicReference<>();
        robot.interact(() -> call(() -> loaded.set(actions.applyFile(file))));
        assertEquals(odd, model.parameters());
        assertEquals("Mine", loaded.get().title());

        robot.interact(() -> {
            actions.reset();
            model.setSimulationEnabled(false);
        });
        robot.interact(() -> model.setSimulationEnabled(true));
        robot.interact(actions::reset);
        assertTrue(robot.lookup("#simulate").queryAs(CheckBox.class).isSelected());
    }

    @Test
    void aBrokenPresetFileChangesNothing(FxRobot robot) throws IOException {
        Path file = Files.writeString(directory.resolve("broken.json"), "{\"version\": 1");
        ExplorerParameters before = model.parameters();

        AtomicReference<PresetException> error = new AtomicReference<>();
        robot.interact(() -> {
            try {
                actions.applyFile(file);
            } catch (PresetException expected) {
                error.set(expected);
            }
        });

        assertNotNull(error.get(), "the broken file is refused");
        assertTrue(error.get().getMessage().startsWith(file + ": not valid JSON"),
                error.get().getMessage());
        assertEquals(before, model.parameters());
        assertFalse(view.presetNote().isShowing());
    }

    // ---- state text -----------------------------------------------------------------

    @Test
    void copyAndPasteStateRoundTripThroughTheClipboard(FxRobot robot) {
        ExplorerParameters awkward = new ExplorerParameters(0.1 + 0.2, 777,
                new double[] {Math.PI, 0.7, 1e-3}, 1.0 / 3, 5, 4, -99);
        robot.interact(() -> model.setParameters(awkward));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        assertEquals(StateText.format(awkward), copied.get());

        robot.interact(() -> {
            actions.reset();
            model.setSimulationEnabled(false);
        });
        assertEquals(ExplorerParameters.DEFAULTS, model.parameters());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT,
                KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ExplorerParameters pasted = model.parameters();
        assertEquals(awkward, pasted);
        assertEquals(Double.doubleToRawLongBits(0.1 + 0.2),
                Double.doubleToRawLongBits(pasted.loadRatio()), "bit for bit");
        assertEquals(3, robot.lookup("#spike-count").queryAs(Spinner.class).getValue());
    }

    @Test
    void pastingSomethingElseChangesNothing(FxRobot robot) {
        ExplorerParameters before = model.parameters();
        AtomicReference<Throwable> error = new AtomicReference<>();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2");
            Clipboard.getSystemClipboard().setContent(content);
            try {
                actions.pasteState();
            } catch (StateTextException expected) {
                error.set(expected);
            }
        });
        assertNotNull(error.get());
        assertTrue(error.get().getMessage().contains("'seed' is missing"),
                error.get().getMessage());
        assertEquals(before, model.parameters());
    }

    // ---- keyboard -------------------------------------------------------------------

    @Test
    void theKeyboardMovesAFocusedSlider(FxRobot robot) {
        robot.interact(() -> view.loadControl().slider().requestFocus());

        robot.type(KeyCode.RIGHT);
        double stepped = model.parameters().loadRatio();
        assertEquals(1.10, stepped, 1e-12, "Right: one step of 1% of four decades, rounded");

        robot.type(KeyCode.PAGE_UP);
        double paged = model.parameters().loadRatio();
        assertEquals(Math.pow(10, Math.log10(1.10) + 0.4), paged, 0.005 * paged,
                "Page Up: ten steps");

        robot.type(KeyCode.LEFT);
        assertTrue(model.parameters().loadRatio() < paged);

        robot.type(KeyCode.HOME);
        assertEquals(0.01, model.parameters().loadRatio(), 0.0);
        robot.type(KeyCode.END);
        assertEquals(100, model.parameters().loadRatio(), 0.0);
        robot.type(KeyCode.PAGE_DOWN);
        assertTrue(model.parameters().loadRatio() < 100);
    }

    @Test
    void aWholeNumberSliderStepsByAtLeastOne(FxRobot robot) {
        robot.interact(() -> model.setSeedCount(1));
        robot.interact(() -> robot.lookup("#seeds-slider").query().requestFocus());

        robot.type(KeyCode.RIGHT);
        assertEquals(2, model.parameters().seedCount());
        robot.type(KeyCode.UP);
        assertEquals(3, model.parameters().seedCount());
        robot.type(KeyCode.DOWN);
        assertEquals(2, model.parameters().seedCount());
    }

    @Test
    void tabMovesFromTheLoadSliderToItsField(FxRobot robot) {
        robot.interact(() -> view.loadControl().slider().requestFocus());
        robot.type(KeyCode.TAB);
        assertTrue(view.loadControl().field().isFocused());
    }

    @Test
    void everyControlAndEverySeriesHasATooltip(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        for (String kind : List.of(".slider", ".text-field", ".spinner", ".check-box")) {
            for (Node node : robot.lookup("#side-panel " + kind).queryAll()) {
                boolean spinnerEditor = node.getParent() instanceof Spinner;
                if (!spinnerEditor && ((Control) node).getTooltip() == null) {
                    missing.add(kind + " " + node.getId());
                }
            }
        }
        assertEquals(List.of(), missing);

        XYPlot plot = view.chart().chart().getXYPlot();
        for (int r = 0; r < plot.getRendererCount(); r++) {
            assertNotNull(plot.getRenderer(r).getDefaultToolTipGenerator(), "renderer " + r);
        }
        XYSeriesCollection theory = view.chart().theoryDataset();
        String tip = plot.getRenderer(0).getDefaultToolTipGenerator().generateToolTip(theory,
                0, 10);
        assertTrue(tip.startsWith(ExplorerChart.CONVERGENCE + ":  γ = "), tip);
    }

    // ---- presentation mode -------------------------------------------------------------

    @Test
    void presentationModeEnlargesTheChartAndHidesTheSidePanel(FxRobot robot) {
        XYPlot plot = view.chart().chart().getXYPlot();
        int tickBefore = plot.getDomainAxis().getTickLabelFont().getSize();
        int labelBefore = plot.getDomainAxis().getLabelFont().getSize();
        assertTrue(view.isSidePanelShowing());

        robot.type(KeyCode.F5);

        assertTrue(presentation.isActive());
        assertFalse(view.isSidePanelShowing());
        assertTrue(root.getStyleClass().contains(PresentationMode.STYLE_CLASS));
        assertTrue(plot.getDomainAxis().getTickLabelFont().getSize() >= 2 * tickBefore - 1);
        assertTrue(plot.getDomainAxis().getLabelFont().getSize() >= 2 * labelBefore - 1);
        assertFalse(shown(robot.lookup("#status").query()),
                "the status bar makes room for the chart");

        robot.type(KeyCode.F5);

        assertFalse(presentation.isActive());
        assertTrue(view.isSidePanelShowing());
        assertEquals(tickBefore, plot.getDomainAxis().getTickLabelFont().getSize());
    }

    @Test
    void theHelpKeyOpensTheExplanation(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        Node pane = robot.lookup("#explanation").query();
        assertNotNull(pane);
        String text = robot.lookup("#explanation .label").queryAllAs(Label.class).stream()
                .map(Label::getText).reduce("", (a, b) -> a + "\n" + b);
        for (String part : List.of("q — convergence", "m — memorisation",
                "Q_k — latent recovery", "Marchenko–Pastur", "1/β_k²")) {
            assertTrue(text.contains(part), part);
        }
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    @Test
    void anOpenHelpWindowFollowsPresentationMode(FxRobot robot) {
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Scene help = robot.lookup("#explanation").query().getScene();
        assertFalse(help.getRoot().getStyleClass().contains(PresentationMode.STYLE_CLASS));

        robot.interact(() -> presentation.activeProperty().set(true));
        assertTrue(help.getRoot().getStyleClass().contains(PresentationMode.STYLE_CLASS));

        robot.interact(() -> presentation.activeProperty().set(false));
        assertFalse(help.getRoot().getStyleClass().contains(PresentationMode.STYLE_CLASS));
        robot.interact(() -> help.getWindow().hide());
    }

    // ---- export -----------------------------------------------------------------------

    @Test
    void pngExportHasTheRequestedPixelSize(FxRobot robot) throws IOException {
        Path fixed = directory.resolve("fixed.png");
        Path onScreen = directory.resolve("screen@3x.png");

        robot.interact(() -> call(() -> actions.exportPng(fixed, 400, 250, 2)));
        robot.interact(() -> call(() -> actions.exportPng(onScreen, 3)));

        BufferedImage image = ImageIO.read(fixed.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        BufferedImage large = ImageIO.read(onScreen.toFile());
        assertEquals(3 * actions.layoutWidth(), large.getWidth());
        assertEquals(3 * actions.layoutHeight(), large.getHeight());
        assertEquals((int) Math.round(view.chartViewer().getWidth()), actions.layoutWidth());
    }

    @Test
    void svgExportIsValidXmlWithGreekLettersAsText(FxRobot robot) throws Exception {
        Path file = directory.resolve("chart.svg");
        robot.interact(() -> call(() -> actions.exportSvg(file)));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(file.toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String texts = "";
        var nodes = svg.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts += nodes.item(i).getTextContent() + "\n";
        }
        assertTrue(texts.contains("γ = n / d"), texts);
        assertTrue(texts.contains("(β1)"), texts);
    }

    @Test
    void csvExportParsesBackToThePlottedValues(FxRobot robot) throws IOException {
        Path file = directory.resolve("series.csv");
        robot.interact(() -> call(() -> actions.applyBuiltIn("three-spikes")));
        robot.interact(() -> call(() -> actions.exportCsv(file)));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String state = lines.stream().filter(l -> l.startsWith("# memoscope state: "))
                .findFirst().orElseThrow().substring("# memoscope state: ".length());
        assertEquals(model.parameters(), StateText.parse(state));
        int header = lines.indexOf(PlottedSeriesCsv.HEADER);
        assertTrue(header > 0);

        XYSeriesCollection theory = view.chart().theoryDataset();
        int row = header + 1;
        for (int s = 0; s < theory.getSeriesCount(); s++) {
            for (int i = 0; i < theory.getItemCount(s); i++) {
                String[] cells = lines.get(row++).split(",", -1);
                assertEquals(theory.getSeriesKey(s).toString(), cells[0]);
                assertEquals(theory.getXValue(s, i), Double.parseDouble(cells[2]), 0.0);
                assertEquals(theory.getYValue(s, i), Double.parseDouble(cells[3]), 0.0);
            }
        }
        assertEquals(lines.size(), row, "simulation is off: only the theory lines");
    }

    @Test
    void anUnwritablePathFailsAndLeavesNothing(FxRobot robot) throws IOException {
        Path missing = directory.resolve("absent-folder").resolve("chart.png");
        Path existing = Files.writeString(directory.resolve("keep.svg"), "old");
        Files.createDirectory(directory.resolve("taken.csv"));

        List<Throwable> failures = new ArrayList<>();
        robot.interact(() -> {
            for (Runnable attempt : List.<Runnable>of(
                    () -> call(() -> actions.exportPng(missing, 1)),
                    () -> call(() -> actions.exportCsv(directory.resolve("taken.csv"))))) {
                try {
                    attempt.run();
                } catch (IllegalStateException failure) {
                    failures.add(failure.getCause());
                }
            }
        });

        assertEquals(2, failures.size());
        failures.forEach(f -> assertTrue(f instanceof IOException, f.toString()));
        assertTrue(ExplorerMenus.describe(missing, (Exception) failures.get(0))
                .contains("Nothing was written"));
        assertFalse(Files.exists(missing.getParent()));
        assertEquals("old", Files.readString(existing));
        assertEquals(2, directory.toFile().list().length, "no temporary file left behind");
    }

    // ---- helpers ----------------------------------------------------------------------

    /** An action that may throw, run where only unchecked exceptions may pass. */
    private interface Action {
        void run() throws Exception;
    }

    private static void call(Action action) {
        try {
            action.run();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Whether the node and every ancestor are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double v : values) {
            list.add(v);
        }
        return list;
    }
}
