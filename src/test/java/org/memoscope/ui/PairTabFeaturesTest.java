package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.chart.OrderParameterChart.Line;
import org.memoscope.chart.OrderParameterChart.Points;
import org.memoscope.chart.Palette;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.DenoiserParameters;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Export, state text, reset and presentation mode on the "Denoiser pair" tab (headless
 * Monocle in CI). The tab reads an empty data folder, so only power-law data are available;
 * nothing here may start a run.
 */
@ExtendWith(ApplicationExtension.class)
class PairTabFeaturesTest {

    private static final DenoiserParameters SMALL =
            new DenoiserParameters("powerlaw", new int[] {2, 8, 32}, 300, 3, -7);

    @TempDir
    Path directory;

    private ExplorerViewModel model;
    private ExplorerActions actions;
    private PairTab pair;
    private Tab spikedTab;
    private PresentationMode presentation;

    @Start
    void start(Stage stage) throws IOException {
        model = new ExplorerViewModel();
        model.setSimulationEnabled(false);
        ExplorerView view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        pair = new PairTab(new PairViewModel(new DatasetCatalog(
                Files.createTempDirectory("memoscope-pair-datasets")),
                Files.createTempDirectory("memoscope-pair-cache"), Platform::runLater));
        spikedTab = new Tab("Spiked model", view.root());
        TabPane tabs = new TabPane(spikedTab, pair.tab());
        actions.attachDataTabs(null, spikedTab);
        actions.attachPairTab(pair);
        BorderPane root = new BorderPane(tabs);
        presentation = new PresentationMode(root);
        presentation.register(view::setPresentation);
        presentation.register(pair::setPresentation);
        stage.setScene(new Scene(root, 1200, 780));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.close();
            pair.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectPair(FxRobot robot) {
        robot.interact(() -> spikedTab.getTabPane().getSelectionModel().select(pair.tab()));
    }

    private void assertNoRun() {
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pair.model().runningProperty().get(), "no run was started");
        assertNull(pair.model().resultProperty().get());
    }

    // ---- export -------------------------------------------------------------------------

    @Test
    void theMainChartExportsAsPngSvgAndCsv(FxRobot robot) throws Exception {
        selectPair(robot);
        double[] n = {1, 16, 256};
        robot.interact(() -> pair.view().orderChart().show(
                List.of(new Line("linear model q", Palette.CONVERGENCE, true, n,
                        new double[] {0.1, 0.5, 0.9})),
                List.of(new Points("m (networks)", Palette.MEMORISATION, false, n,
                        new double[] {0.95, 0.7, 0.4}, new double[] {0.01, 0.02, 0.03})),
                List.of()));
        Path png = directory.resolve("pair.png");
        Path svg = directory.resolve("pair.svg");
        Path csv = directory.resolve("pair.csv");

        robot.interact(() -> call(() -> {
            actions.exportPng(png, 420, 260, 2);
            actions.exportSvg(svg);
            actions.exportCsv(csv);
        }));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(840, image.getWidth());
        assertEquals(520, image.getHeight());
        String texts = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(svg.toFile()).getDocumentElement().getTextContent();
        assertTrue(texts.contains("m (networks)"), texts);
        assertTrue(texts.contains("training images per network"), texts);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String state = lines.stream().filter(l -> l.startsWith("# memoscope state: "))
                .findFirst().orElseThrow().substring("# memoscope state: ".length());
        assertEquals(pair.parameters(), StateText.parseDenoiser(state));
        assertTrue(lines.stream().anyMatch(l -> l.contains("m (networks)")
                && l.contains("0.7")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("linear model q")),
                String.join("\n", lines));
        assertTrue(lines.contains("series,kind,N,value,low,high"), "the x column is N");
        assertNoRun();
    }

    // ---- state text -----------------------------------------------------------------------

    @Test
    void copyThenPasteRestoresTheControlsAndSelectsTheTabWithoutRunning(FxRobot robot) {
        robot.interact(() -> call(() -> pair.applyState(StateText.format(SMALL))));
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(actions.copyState()));
        assertEquals(StateText.format(SMALL), copied.get());

        robot.interact(actions::reset);
        assertEquals("2000", robot.lookup("#pair-steps").queryAs(Spinner.class).getValue()
                .toString());
        robot.interact(() -> {
            spikedTab.getTabPane().getSelectionModel().select(spikedTab);
            ClipboardContent content = new ClipboardContent();
            content.putString(copied.get());
            Clipboard.getSystemClipboard().setContent(content);
            actions.pasteState();
        });

        assertTrue(pair.tab().isSelected(), "a denoiser state shows the pair tab");
        assertEquals(SMALL, pair.parameters());
        assertEquals("Power-law fields", robot.lookup("#pair-data").queryAs(ComboBox.class)
                .getValue());
        assertEquals("2,8,32", robot.lookup("#pair-ladder").queryAs(TextField.class)
                .getText());
        assertEquals(-7, pair.model().settings().seed());
        assertNoRun();
    }

    @Test
    void aBadOrUnavailableStateChangesNothing(FxRobot robot) {
        DenoiserParameters before = pair.parameters();
        AtomicReference<StateTextException> bad = new AtomicReference<>();
        AtomicReference<StateTextException> absent = new AtomicReference<>();
        robot.interact(() -> {
            bad.set(assertThrows(StateTextException.class, () -> actions.applyState(
                    StateText.format(SMALL).replace("channels=3", "channels=99"))));
            absent.set(assertThrows(StateTextException.class, () -> actions.applyState(
                    StateText.format(SMALL).replace("powerlaw", "fashion-mnist"))));
        });

        assertTrue(bad.get().getMessage().contains("channels must be in 1..64"),
                bad.get().getMessage());
        assertTrue(absent.get().getMessage().contains("Fashion-MNIST is not installed"),
                absent.get().getMessage());
        assertTrue(spikedTab.isSelected(), "the tab did not switch");
        assertEquals(before, pair.parameters());
    }

    // ---- reset ------------------------------------------------------------------------------

    @Test
    void resetPutsTheControlsBackToTheirDefaultsWithoutRunning(FxRobot robot)
            throws Exception {
        PairViewModel.Settings defaults = pair.model().settings();
        robot.interact(() -> call(() -> actions.applyBuiltIn("denoiser-powerlaw-fast")));
        robot.interact(() -> robot.lookup("#pair-ladder").queryAs(TextField.class)
                .setText("3,5"));
        assertTrue(pair.view().presetNote().isShowing());

        robot.interact(actions::reset);

        assertEquals(new DenoiserParameters(defaults.data(), defaults.ladder(),
                defaults.steps(), defaults.channels(), defaults.seed()), pair.parameters());
        assertEquals(defaults.seed(), pair.model().settings().seed());
        assertEquals("1,4,16,64,256,1024,4096", robot.lookup("#pair-ladder")
                .queryAs(TextField.class).getText());
        assertFalse(pair.view().presetNote().isShowing());
        assertTrue(pair.tab().isSelected());
        assertNoRun();
    }

    // ---- presentation ---------------------------------------------------------------------------

    @Test
    void presentationModeEnlargesTheChartFontsAndBack(FxRobot robot) {
        selectPair(robot);
        XYPlot plot = pair.view().orderChart().chart().getXYPlot();
        XYPlot loss = pair.view().lossChart().chart().getXYPlot();
        int tick = plot.getDomainAxis().getTickLabelFont().getSize();
        int label = plot.getRangeAxis().getLabelFont().getSize();
        int lossTick = loss.getDomainAxis().getTickLabelFont().getSize();

        robot.interact(presentation::toggle);

        assertEquals(2 * tick, plot.getDomainAxis().getTickLabelFont().getSize());
        assertEquals(2 * label, plot.getRangeAxis().getLabelFont().getSize());
        assertTrue(loss.getDomainAxis().getTickLabelFont().getSize() > lossTick);

        robot.interact(presentation::toggle);

        assertEquals(tick, plot.getDomainAxis().getTickLabelFont().getSize());
        assertEquals(label, plot.getRangeAxis().getLabelFont().getSize());
        assertEquals(lossTick, loss.getDomainAxis().getTickLabelFont().getSize());
    }

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
}
