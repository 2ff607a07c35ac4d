package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.io.PlottedSeriesCsv;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.SampleGridPng;
import org.memoscope.io.StateText;
import org.memoscope.model.DataParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presets, the state text, reset, export and presentation mode on the "Spectra and data" and
 * "Sample grid" tabs, in a window assembled as the application assembles it (headless
 * Monocle in CI). Fashion-MNIST is looked for in an empty folder, so the tests behave the
 * same whether or not the dataset package is installed.
 */
@ExtendWith(ApplicationExtension.class)
class DataTabsFeaturesTest {

    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path directory;

    private ExplorerViewModel model;
    private ExplorerActions actions;
    private DataTabs data;
    private PresentationMode presentation;
    private TabPane tabs;
    private Tab spikedTab;
    private final Tab laterTab = new Tab("Later view");

    @Start
    void start(Stage stage) throws IOException {
        model = new ExplorerViewModel();
        model.setSimulationEnabled(false);
        ExplorerView view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        data = new DataTabs();
        data.model().useCatalog(new DatasetCatalog(
                Files.createTempDirectory("memoscope-no-datasets")));
        spikedTab = new Tab("Spiked model", view.root());
        tabs = new TabPane(spikedTab);
        tabs.getTabs().addAll(data.tabs());
        tabs.getTabs().add(laterTab);
        actions.attachDataTabs(data, spikedTab);
        BorderPane root = new BorderPane(tabs);
        presentation = new PresentationMode(root);
        presentation.register(view::setPresentation);
        presentation.register(data::setPresentation);
        ExplorerMenus menus = new ExplorerMenus(stage, actions, presentation);
        Menu file = new Menu("File");
        file.getItems().addAll(menus.fileItems());
        root.setTop(new MenuBar(file, menus.editMenu(), menus.viewMenu()));
        Scene scene = new Scene(root, 1200, 780);
        scene.getStylesheets().add(Objects.requireNonNull(
                MemoscopeApp.class.getResource("memoscope.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(() -> {
            model.close();
            data.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ---- presets ------------------------------------------------------------------------

    @Test
    void eachPowerLawPresetShowsTheDataTabWithItsValuesAndNote(FxRobot robot)
            throws PresetException {
        for (String name : List.of("powerlaw-fields-alpha1", "powerlaw-fields-alpha3")) {
            Preset preset = PresetCatalog.builtIn(name);
            robot.interact(() -> tabs.getSelectionModel().select(spikedTab));

            robot.interact(() -> call(() -> actions.applyBuiltIn(name)));

            assertTrue(data.dataTab().isSelected(), name + " shows the data tab");
            assertEquals(preset.dataParameters(), data.model().parameters(), name);
            assertEquals(String.format(java.util.Locale.ROOT, "%.2f",
                    preset.dataParameters().exponent()), field(robot, "#alpha-field"));
            assertEquals(preset.title(), robot.lookup("#data-preset-title")
                    .queryAs(Label.class).getText());
            assertTrue(data.dataView().presetNote().isShowing());
        }

        robot.interact(() -> call(() -> actions.applyBuiltIn("weak-spike")));
        assertTrue(spikedTab.isSelected(), "a spiked preset shows the spiked tab again");
        assertEquals(PresetCatalog.builtIn("weak-spike").parameters(), model.parameters());
    }

    @Test
    void fashionMnistWithoutItsFileIsRefusedClearlyAndTheWindowGoesOn(FxRobot robot)
            throws PresetException {
        DataParameters before = data.model().parameters();
        AtomicReference<Exception> refusal = new AtomicReference<>();

        robot.interact(() -> {
            try {
                actions.applyBuiltIn("fashion-mnist");
            } catch (PresetException expected) {
                refusal.set(expected);
            }
        });

        assertNotNull(refusal.get(), "the preset is refused");
        String message = refusal.get().getMessage();
        assertTrue(message.contains("fashion-mnist is not installed"), message);
        assertTrue(message.contains("train-images-idx3-ubyte.gz"), message);
        assertTrue(message.contains("File ▸ Open dataset"), message);
        assertEquals(before, data.model().parameters(), "nothing changed");
        assertTrue(spikedTab.isSelected(), "the tab did not switch");

        robot.interact(() -> call(() -> actions.applyBuiltIn("powerlaw-fields-alpha3")));
        assertEquals(3, data.model().parameters().exponent(), 0.0, "the window still works");
    }

    @Test
    void anAbsentDatasetReachedAnotherWayIsReportedInTheView(FxRobot robot) throws Exception {
        robot.interact(() -> data.model().setParameters(DataParameters.DEFAULTS
                .withDataset(DatasetCatalog.FASHION_MNIST)));

        await(() -> !data.model().errorProperty().get().isEmpty());
        robot.interact(() -> {
            data.dataView(); // built when first needed: the tab was never shown
        });
        String error = robot.lookup("#data-error").queryAs(Label.class).getText();
        assertTrue(error.contains("fashion-mnist is not installed"), error);
        assertFalse(data.model().busyProperty().get());
    }

    // ---- state text, reset --------------------------------------------------------------

    @Test
    void copyAndPasteActOnTheSelectedTab(FxRobot robot) {
        DataParameters odd = new DataParameters(DataParameters.Kind.POWER_LAW_SPECTRUM,
                0.1 + 0.2, 20, 300, "", 1.0 / 3, 9, 2, 4, -5);
        robot.interact(() -> {
            tabs.getSelectionModel().select(data.dataTab());
            data.model().setParameters(odd);
        });

        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(actions.copyState()));
        assertTrue(copied.get().startsWith("memoscope:v1;view=data;kind=spectrum;alpha="
                + "0.30000000000000004;"), copied.get());

        robot.interact(actions::reset);
        assertEquals(DataParameters.DEFAULTS, data.model().parameters());

        robot.interact(() -> {
            tabs.getSelectionModel().select(spikedTab);
            actions.pasteState();
        });
        assertTrue(data.dataTab().isSelected(), "a data state shows the data tab");
        assertEquals(odd, data.model().parameters(), "bit for bit");

        ExplorerParameters spiked = new ExplorerParameters(0.25, 120, new double[] {2}, 0, 8,
                1, 3);
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(StateText.format(spiked));
            Clipboard.getSystemClipboard().setContent(content);
            actions.pasteState();
        });
        assertTrue(spikedTab.isSelected(), "a spiked state shows the spiked tab");
        assertEquals(spiked, model.parameters());
        assertEquals(odd, data.model().parameters(), "the data tab kept its state");
    }

    @Test
    void resetActsOnTheSelectedTabOnly(FxRobot robot) {
        ExplorerParameters spiked = new ExplorerParameters(0.25, 120, new double[] {2}, 0, 8,
                1, 3);
        robot.interact(() -> {
            model.setParameters(spiked);
            tabs.getSelectionModel().select(data.gridTab());
            data.model().setExponent(3);
            actions.reset();
        });

        assertEquals(DataParameters.DEFAULTS, data.model().parameters());
        assertEquals(spiked, model.parameters(), "the spiked tab was not reset");
    }

    // ---- export -------------------------------------------------------------------------

    @Test
    void theDataChartExportsAsPngSvgAndCsv(FxRobot robot) throws Exception {
        robot.interact(() -> tabs.getSelectionModel().select(data.dataTab()));
        await(() -> data.model().theoryProperty().get() != null);
        Path png = directory.resolve("data.png");
        Path svg = directory.resolve("data.svg");
        Path csv = directory.resolve("data.csv");

        robot.interact(() -> call(() -> {
            actions.exportPng(png, 400, 250, 2);
            actions.exportSvg(svg);
            actions.exportCsv(csv);
        }));

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
        String texts = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(svg.toFile()).getDocumentElement().getTextContent();
        assertTrue(texts.contains("q theory"), texts);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String state = lines.stream().filter(l -> l.startsWith("# memoscope state: "))
                .findFirst().orElseThrow().substring("# memoscope state: ".length());
        assertEquals(data.model().parameters(), StateText.parseData(state));
        int header = lines.indexOf(PlottedSeriesCsv.HEADER);
        var chart = data.dataView().chart();
        int plotted = 0;
        for (int s = 0; s < chart.lineDataset().getSeriesCount(); s++) {
            plotted += chart.lineDataset().getItemCount(s);
        }
        for (int s = 0; s < chart.pointDataset().getSeriesCount(); s++) {
            plotted += chart.pointDataset().getItemCount(s);
        }
        assertTrue(header > 0 && plotted > 0);
        assertEquals(plotted, lines.size() - header - 1, "one row per plotted point");
        String[] first = lines.get(header + 1).split(",", -1);
        assertEquals("q theory", first[0]);
        assertEquals(chart.lineDataset().getYValue(0, 0), Double.parseDouble(first[3]), 0.0);
    }

    @Test
    void theSampleGridShownFirstAfterItsGridWasMadeShowsIt(FxRobot robot) throws Exception {
        robot.interact(() -> {
            tabs.getSelectionModel().select(data.dataTab());
            data.model().setLoadRatio(0.05);
        });
        await(() -> data.model().gridProperty().get() != null);

        robot.interact(() -> tabs.getSelectionModel().select(data.gridTab()));

        ImageView image = robot.lookup("#sample-grid-image").queryAs(ImageView.class);
        assertNotNull(image.getImage(), "the grid made before the tab was built is shown");
    }

    @Test
    void theSampleGridTabExportsItsGridAsPngOnly(FxRobot robot) throws Exception {
        robot.interact(() -> {
            tabs.getSelectionModel().select(data.gridTab());
            data.model().setLoadRatio(0.05);
        });
        await(() -> data.model().gridProperty().get() != null);
        Path png = directory.resolve("grid.png");
        Path svg = directory.resolve("grid.svg");

        robot.interact(() -> call(() -> actions.exportPng(png, 1)));
        AtomicReference<RuntimeException> refusal = new AtomicReference<>();
        robot.interact(() -> {
            try {
                actions.exportSvg(svg);
            } catch (IOException | RuntimeException refused) {
                refusal.set(new IllegalStateException(refused.getMessage()));
            }
        });

        var grid = data.model().gridProperty().get();
        BufferedImage expected = SampleGridPng.draw(grid, SampleGridView.title(grid));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(expected.getWidth(), image.getWidth());
        assertEquals(expected.getHeight(), image.getHeight());
        assertTrue(refusal.get().getMessage().contains("exports as a PNG image only"));
        assertFalse(Files.exists(svg));
    }

    @Test
    void aTabTheActionsDoNotCoverRefusesRatherThanActOnAnother(FxRobot robot) {
        ExplorerParameters spiked = new ExplorerParameters(0.25, 120, new double[] {2}, 0, 8,
                1, 3);
        Path png = directory.resolve("later.png");
        List<String> refusals = new java.util.ArrayList<>();
        robot.interact(() -> {
            model.setParameters(spiked);
            tabs.getSelectionModel().select(laterTab);
            for (Action action : List.<Action>of(actions::reset, actions::copyState,
                    () -> actions.exportPng(png, 1))) {
                try {
                    action.run();
                } catch (Exception refused) {
                    refusals.add(refused.getMessage());
                }
            }
        });

        assertEquals(3, refusals.size(), refusals.toString());
        refusals.forEach(m -> assertTrue(m.contains("the 'Later view' tab has no"), m));
        assertEquals(spiked, model.parameters(), "the spiked model was not reset");
        assertFalse(Files.exists(png));
    }

    // ---- presentation -------------------------------------------------------------------

    @Test
    void presentationModeEnlargesTheDataChartAndHidesItsPanel(FxRobot robot) {
        robot.interact(() -> tabs.getSelectionModel().select(data.dataTab()));
        XYPlot plot = data.dataView().chart().chart().getXYPlot();
        int tickFont = plot.getDomainAxis().getTickLabelFont().getSize();
        int labelFont = plot.getRangeAxis().getLabelFont().getSize();
        assertTrue(data.dataView().isSidePanelShowing());

        robot.interact(() -> presentation.activeProperty().set(true));

        assertEquals(2 * tickFont, plot.getDomainAxis().getTickLabelFont().getSize());
        assertEquals(2 * labelFont, plot.getRangeAxis().getLabelFont().getSize());
        assertFalse(data.dataView().isSidePanelShowing());
        assertFalse(robot.lookup("#data-side-panel").query().isManaged());

        robot.interact(() -> presentation.activeProperty().set(false));

        assertEquals(tickFont, plot.getDomainAxis().getTickLabelFont().getSize());
        assertTrue(data.dataView().isSidePanelShowing());
    }

    // ---- helpers ------------------------------------------------------------------------

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

    /** Waits on the FX thread's view of the state until {@code condition} holds. */
    private static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            AtomicReference<Boolean> holds = new AtomicReference<>(false);
            WaitForAsyncUtils.asyncFx(() -> holds.set(condition.getAsBoolean())).get();
            return holds.get();
        });
    }

    private static String field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class).getText();
    }
}
