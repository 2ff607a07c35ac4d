package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.PresetJson;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.Preset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Denoiser presets in a window with the "Spiked model" and "Denoiser pair" tabs (headless
 * Monocle in CI). The pair tab looks for Fashion-MNIST in a temporary folder: empty, or with a
 * stand-in file where the package would put the training images, so the tests never depend
 * on the machine's datasets. Loading a preset must set the controls and never train.
 */
@ExtendWith(ApplicationExtension.class)
class DenoiserPresetTest {

    @TempDir
    Path directory;

    private ExplorerViewModel model;
    private ExplorerActions actions;
    private PairTab pair;
    private Tab spikedTab;
    private Path datasets;

    @Start
    void start(Stage stage) throws IOException {
        datasets = Files.createTempDirectory("memoscope-pair-datasets");
        model = new ExplorerViewModel();
        model.setSimulationEnabled(false);
        ExplorerView view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        pair = new PairTab(new PairViewModel(new DatasetCatalog(datasets),
                Files.createTempDirectory("memoscope-pair-cache"), Platform::runLater));
        spikedTab = new Tab("Spiked model", view.root());
        TabPane tabs = new TabPane(spikedTab, pair.tab());
        actions.attachPairTab(pair);
        stage.setScene(new Scene(new BorderPane(tabs), 1200, 780));
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

    /** Puts a file where the catalogue looks for Fashion-MNIST's training images. */
    private void pretendFashionMnistIsInstalled() throws IOException {
        Path folder = Files.createDirectories(datasets.resolve("fashion-mnist"));
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), new byte[] {0});
    }

    @Test
    void theFashionPresetSelectsTheTabSetsItsControlsAndDoesNotRun(FxRobot robot)
            throws Exception {
        pretendFashionMnistIsInstalled();
        Preset preset = PresetCatalog.builtIn("denoiser-small-vs-large");
        assertTrue(spikedTab.isSelected());

        robot.interact(() -> call(() -> actions.applyBuiltIn("denoiser-small-vs-large")));

        assertTrue(pair.tab().isSelected(), "the Denoiser pair tab is shown");
        assertEquals("Fashion-MNIST", robot.lookup("#pair-data")
                .queryAs(ComboBox.class).getValue());
        assertEquals("1,16,4096", robot.lookup("#pair-ladder").queryAs(TextField.class)
                .getText());
        assertEquals(2000, robot.lookup("#pair-steps").queryAs(Spinner.class).getValue());
        assertEquals(16, robot.lookup("#pair-channels").queryAs(Spinner.class).getValue());
        assertEquals(preset.title(), robot.lookup("#pair-preset-title").queryAs(Label.class)
                .getText());
        assertEquals(preset.explanation(), robot.lookup("#pair-preset-explanation")
                .queryAs(Label.class).getText());
        assertTrue(preset.explanation().contains("press Run"), preset.explanation());
        assertEquals(preset.denoiserParameters(), pair.parameters());

        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(pair.model().runningProperty().get(), "no run was started");
        assertNull(pair.model().resultProperty().get());
        assertEquals(0, pair.model().progressProperty().get(), 0.0);
        assertTrue(pair.model().statusProperty().get().startsWith("Press Run"),
                pair.model().statusProperty().get());
    }

    @Test
    void thePowerLawPresetSetsItsSeedAndSmallSettings(FxRobot robot) throws PresetException {
        DenoiserParameters expected = PresetCatalog.builtIn("denoiser-powerlaw-fast")
                .denoiserParameters();

        robot.interact(() -> call(() -> actions.applyBuiltIn("denoiser-powerlaw-fast")));

        assertTrue(pair.tab().isSelected());
        assertEquals("Power-law fields", robot.lookup("#pair-data")
                .queryAs(ComboBox.class).getValue());
        assertEquals(expected, pair.parameters());
        assertEquals(expected.seed(), pair.model().settings().seed());
        assertFalse(pair.model().runningProperty().get(), "no run was started");
    }

    @Test
    void withoutFashionMnistTheFashionPresetIsRefusedNamingTheFile(FxRobot robot) {
        DenoiserParameters before = pair.parameters();
        AtomicReference<Exception> refusal = new AtomicReference<>();

        robot.interact(() -> {
            try {
                actions.applyBuiltIn("denoiser-small-vs-large");
            } catch (PresetException expected) {
                refusal.set(expected);
            }
        });

        assertNotNull(refusal.get(), "the preset is refused");
        String message = refusal.get().getMessage();
        assertTrue(message.contains("Fashion-MNIST is not installed"), message);
        assertTrue(message.contains(datasets.resolve("fashion-mnist")
                .resolve("train-images-idx3-ubyte.gz").toString()), message);
        assertTrue(spikedTab.isSelected(), "the tab did not switch");
        assertEquals(before, pair.parameters(), "nothing changed");
        AtomicBoolean noteShowing = new AtomicBoolean(true);
        robot.interact(() -> noteShowing.set(pair.view().presetNote().isShowing()));
        assertFalse(noteShowing.get());
    }

    @Test
    void saveAsPresetOnThePairTabWritesADenoiserPresetThatLoadsBack(FxRobot robot)
            throws Exception {
        robot.interact(() -> call(() -> actions.applyBuiltIn("denoiser-powerlaw-fast")));
        robot.interact(() -> robot.lookup("#pair-ladder").queryAs(TextField.class)
                .setText("2, 8,32"));
        Path file = directory.resolve("mine.json");

        robot.interact(() -> call(() -> actions.saveAsPreset(file, " Mine ", "Press Run.")));

        Preset saved = PresetJson.read(file);
        assertEquals(Preset.DENOISER_VIEW, saved.view());
        assertEquals("Mine", saved.title());
        assertEquals(new DenoiserParameters("powerlaw", new int[] {2, 8, 32}, 500, 4, 1),
                saved.denoiserParameters());

        robot.interact(() -> spikedTab.getTabPane().getSelectionModel().select(spikedTab));
        robot.interact(() -> call(() -> actions.applyFile(file)));
        assertTrue(pair.tab().isSelected());
        assertEquals("2,8,32", robot.lookup("#pair-ladder").queryAs(TextField.class)
                .getText());
    }

    @Test
    void copyStateOnThePairTabGivesItsDenoiserState(FxRobot robot) {
        robot.interact(() -> call(() -> actions.applyBuiltIn("denoiser-powerlaw-fast")));
        AtomicReference<String> text = new AtomicReference<>();

        robot.interact(() -> text.set(actions.stateText()));

        assertTrue(text.get().startsWith("memoscope:v1;view=denoiser;data=powerlaw;"),
                text.get());
        assertEquals(pair.parameters(), org.memoscope.io.StateText.parseDenoiser(text.get()));
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
