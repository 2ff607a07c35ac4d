package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.diffusion.PairData;
import org.memoscope.io.PresetCatalog;
import org.memoscope.model.Preset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The "Denoiser pair" view end to end on a tiny sweep (8x8 power-law fields, N = 1 and 2,
 * a few training steps): Run fills the four charts, the regime line and the sample grid;
 * Cancel stops a long sweep and leaves the window usable. The data catalogue points at an
 * empty folder and the cache at a temporary one, so nothing of the machine is used.
 */
@ExtendWith(ApplicationExtension.class)
class PairViewTest {

    @TempDir
    static Path directory;

    private PairViewModel model;
    private PairView view;

    @Start
    void start(Stage stage) {
        model = new PairViewModel(new DatasetCatalog(directory.resolve("no-datasets")),
                directory.resolve("cache"), Platform::runLater);
        model.setSettings(new PairViewModel.Settings(PairData.POWER_LAW, 8, new int[] {1, 2},
                12, 2, 8, 8, 3));
        view = new PairView(model);
        stage.setScene(new Scene(view.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void aBadListOfSizesIsReportedAndNothingRuns(FxRobot robot) {
        robot.interact(() -> robot.lookup("#pair-ladder")
                .queryAs(javafx.scene.control.TextField.class).setText("1,abc,-5"));
        robot.clickOn("#pair-run");
        WaitForAsyncUtils.waitForFxEvents();

        String message = robot.lookup("#pair-regimes").queryAs(Label.class).getText();
        assertTrue(message.contains("comma-separated"), message);
        assertTrue(robot.lookup("#pair-ladder").query().getStyleClass().contains("invalid"));
        assertFalse(model.runningProperty().get());
        assertEquals(null, model.resultProperty().get());
    }

    /** Typed but uncommitted spinner text is what Run uses; text that is no number is refused. */
    @Test
    void typedSpinnerTextIsCommittedOrRefused(FxRobot robot) {
        javafx.scene.control.Spinner<?> steps = robot.lookup("#pair-steps")
                .queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> steps.getEditor().setText("345"));
        java.util.concurrent.atomic.AtomicReference<PairViewModel.Settings> read =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> read.set(view.settingsFromControls()));
        assertEquals(345, read.get().steps());
        assertEquals(345, steps.getValue());

        robot.interact(() -> steps.getEditor().setText("lots"));
        robot.clickOn("#pair-run");
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#pair-regimes").queryAs(Label.class).getText();
        assertTrue(message.contains("Steps must be a whole number in 1..1000000"), message);
        assertFalse(robot.lookup("#pair-ladder").query().getStyleClass().contains("invalid"));
        assertFalse(model.runningProperty().get());
    }

    @Test
    void runFillsTheChartsAndTheGrid(FxRobot robot) throws Exception {
        robot.clickOn("#pair-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> model.resultProperty().get() != null && !model.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(4, view.orderChart().pointDataset().getSeriesCount());
        assertEquals(2, view.orderChart().pointDataset().getItemCount(0));
        assertEquals(4, view.orderChart().lineDataset().getSeriesCount(),
                "linear model m, q, Q₁ and the q theory");
        assertEquals(2, view.gapChart().pointDataset().getItemCount(1));
        assertEquals(2, view.distanceChart().lineDataset().getSeriesCount());
        assertTrue(view.lossChart().lineDataset().getItemCount(0) > 0);
        String regimes = robot.lookup("#pair-regimes").queryAs(Label.class).getText();
        assertTrue(regimes.contains("N = 1:") && regimes.contains("N = 2:"), regimes);
        ImageView grid = robot.lookup("#pair-grid-image").queryAs(ImageView.class);
        assertNotNull(grid.getImage());
        assertEquals(grid.getImage().getWidth(), grid.getFitWidth(), 0.5,
                "the grid at its natural size: its captions are not shrunk");
        assertTrue(model.statusProperty().get().startsWith("Done"),
                model.statusProperty().get());

        PairViewModel.Settings ran = model.settings();
        robot.interact(() -> model.setSettings(ran.withSteps(99)));
        assertSame(ran, model.displayedSettings(), "the drawn run, not the edited controls");
        assertTrue(model.statusProperty().get().startsWith("The charts show the last run"),
                model.statusProperty().get());
    }

    /**
     * Regression: with a preset's note open, the charts were squeezed until their y labels
     * were cut off; they keep the height their labels need and the page scrolls instead.
     */
    @Test
    void aPresetNoteScrollsThePageInsteadOfSqueezingTheCharts(FxRobot robot) throws Exception {
        Preset preset = PresetCatalog.builtIn("denoiser-small-vs-large");
        robot.interact(() -> view.showPreset(preset));
        WaitForAsyncUtils.waitForFxEvents();

        for (String chart : List.of("#pair-order-chart", "#pair-gap-chart",
                "#pair-distance-chart", "#pair-loss-chart")) {
            double height = robot.lookup(chart).queryAs(Region.class).getHeight();
            assertTrue(height >= PairView.CHART_MIN_HEIGHT - 1, chart + ": " + height + " px");
        }
        ScrollPane page = (ScrollPane) view.root();
        assertTrue(page.getContent().getLayoutBounds().getHeight()
                > page.getViewportBounds().getHeight(), "the page scrolls");
    }

    /**
     * Regression: in presentation mode the main chart was squashed to a strip under its
     * eight-entry legend and its x title was cut; each chart now has a full-width row.
     */
    @Test
    void presentationGivesEachChartAFullWidthRow(FxRobot robot) {
        robot.interact(() -> view.setPresentation(true));
        WaitForAsyncUtils.waitForFxEvents();

        double mainWidth = robot.lookup("#pair-order-chart").queryAs(Region.class).getWidth();
        for (String chart : List.of("#pair-gap-chart", "#pair-distance-chart",
                "#pair-loss-chart")) {
            Region viewer = robot.lookup(chart).queryAs(Region.class);
            assertEquals(mainWidth, viewer.getWidth(), 1, chart + " spans the row");
            assertTrue(viewer.getHeight() >= PairView.PRESENTING_CHART_MIN_HEIGHT - 1,
                    chart + ": " + viewer.getHeight() + " px");
        }
        assertTrue(robot.lookup("#pair-order-chart").queryAs(Region.class).getHeight()
                >= PairView.PRESENTING_MAIN_CHART_HEIGHT - 1);
        assertEquals(org.jfree.chart.ui.RectangleEdge.RIGHT,
                view.orderChart().chart().getLegend().getPosition());

        robot.interact(() -> view.setPresentation(false));
        WaitForAsyncUtils.waitForFxEvents();
        double gapWidth = robot.lookup("#pair-gap-chart").queryAs(Region.class).getWidth();
        assertTrue(gapWidth < 0.6 * mainWidth, "two charts a row again: " + gapWidth);
        assertEquals(org.jfree.chart.ui.RectangleEdge.BOTTOM,
                view.orderChart().chart().getLegend().getPosition());
    }

    /** Regression: the wheel over a chart zoomed it, with no way back, instead of scrolling. */
    @Test
    void theWheelOverAChartScrollsThePageAndLeavesTheAxes(FxRobot robot) {
        robot.interact(() -> view.setPresentation(true));
        WaitForAsyncUtils.waitForFxEvents();
        var axis = view.orderChart().chart().getXYPlot().getDomainAxis();
        org.jfree.data.Range before = axis.getRange();
        ScrollPane page = (ScrollPane) view.root();
        assertEquals(0, page.getVvalue(), 1e-9);

        // A wheel turn down (negative delta) delivered to the chart's canvas, as JavaFX does.
        var canvas = ((org.jfree.chart.fx.ChartViewer) robot.lookup("#pair-order-chart")
                .query()).getCanvas();
        javafx.scene.input.ScrollEvent wheel = new javafx.scene.input.ScrollEvent(
                javafx.scene.input.ScrollEvent.SCROLL, 200, 200, 200, 200, false, false, false,
                false, false, false, 0, -120, 0, -120,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
        robot.interact(() -> javafx.event.Event.fireEvent(canvas, wheel));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, axis.getRange(), "no zoom");
        assertTrue(page.getVvalue() > 0, "the page scrolled");
    }

    @Test
    void theHelpTextOfThisTabIsItsOwn() {
        assertEquals(List.of("Denoiser pair"),
                ExplanationPane.headings(ExplanationPane.Topic.PAIR));
        assertEquals(List.of("Sample grid"), ExplanationPane.headings(ExplanationPane.Topic.GRID));
        assertEquals(List.of("Spectra and data"),
                ExplanationPane.headings(ExplanationPane.Topic.DATA));
        assertTrue(ExplanationPane.headings(ExplanationPane.Topic.SPIKED)
                .contains("q — convergence"));
    }

    @Test
    void cancelStopsALongSweep(FxRobot robot) throws Exception {
        robot.interact(() -> model.setSettings(model.settings().withSteps(1_000_000)
                .withLadder(new int[] {3})));
        robot.clickOn("#pair-cancel");
        assertFalse(model.runningProperty().get(), "cancel is disabled while idle");
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> model.statusProperty().get().contains("training"));
        robot.clickOn("#pair-cancel");
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(model.runningProperty().get());
        assertTrue(model.statusProperty().get().startsWith("Cancelled"),
                model.statusProperty().get());
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(model.statusProperty().get().startsWith("Cancelled"), "nothing more arrives");
        assertFalse(robot.lookup("#pair-run").queryButton().isDisabled());
    }
}
