package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window, driven through its controls with a robot (headless Monocle in CI). */
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {

    private ExplorerViewModel model;
    private ExplorerView view;

    @Start
    void start(Stage stage) {
        model = new ExplorerViewModel();
        view = new ExplorerView(model);
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
    }

    @AfterEach
    void closeModel() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(model::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void movingTheLoadSliderMovesTheCursorAndTheReadout(FxRobot robot) {
        String convergenceBefore = text(robot, "#readout-q-theory");
        double cursorBefore = view.chart().cursorLoad();

        robot.drag(robot.lookup("#load-slider .thumb").queryAs(Node.class), MouseButton.PRIMARY)
                .moveBy(80, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double load = model.parameters().loadRatio();
        assertTrue(load > 1.0, "dragging right raised the load, got " + load);
        assertEquals(load, view.chart().cursorLoad(), 1e-12, "cursor follows the load");
        assertNotEquals(cursorBefore, view.chart().cursorLoad());
        String convergenceAfter = text(robot, "#readout-q-theory");
        assertNotEquals(convergenceBefore, convergenceAfter, "readout q follows the load");
        // q rises with the load: the readout must show a larger value than at gamma = 1.
        assertTrue(Double.parseDouble(convergenceAfter) > Double.parseDouble(convergenceBefore));
    }

    @Test
    void movingTheSpikeSliderChangesRecoveryButNotConvergence(FxRobot robot) {
        double[] convergenceBefore = values(view.chart().theoryDataset(), ExplorerChart.CONVERGENCE);
        double[] recoveryBefore = values(view.chart().theoryDataset(),
                ExplorerChart.latentRecoveryKey(0));
        double[] thresholdsBefore = view.chart().thresholdLoads();
        String recoveryText = text(robot, "#readout-Q1-theory");

        robot.drag(robot.lookup("#beta1-slider .thumb").queryAs(Node.class), MouseButton.PRIMARY)
                .moveBy(60, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        double beta = model.parameters().spikeStrength(0);
        assertTrue(beta > 1.0, "dragging right raised beta, got " + beta);
        double[] recoveryAfter = values(view.chart().theoryDataset(),
                ExplorerChart.latentRecoveryKey(0));
        assertNotEquals(java.util.Arrays.toString(recoveryBefore),
                java.util.Arrays.toString(recoveryAfter), "Q1 curve was redrawn");
        // The threshold marker moved to 1/beta^2 (exact up to rounding).
        assertEquals(1, view.chart().thresholdLoads().length);
        assertNotEquals(thresholdsBefore[0], view.chart().thresholdLoads()[0]);
        assertEquals(1 / (beta * beta), view.chart().thresholdLoads()[0], 1e-12);
        // q is blind to the spikes: its curve is unchanged, to the last bit.
        assertEquals(java.util.Arrays.toString(convergenceBefore), java.util.Arrays.toString(
                values(view.chart().theoryDataset(), ExplorerChart.CONVERGENCE)));
        assertNotEquals(recoveryText, text(robot, "#readout-Q1-theory"));
    }

    @Test
    void aStaleSimulationIsNeverShownAfterRapidSliderMoves(FxRobot robot) throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        List<SimulationCurve> shown = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            model.setDimension(60);
            model.setSeedCount(4);
            model.setRepetitions(1);
            model.simulationProperty().addListener((obs, old, curve) -> {
                if (curve == null) {
                    return;
                }
                shown.add(curve);
                ExplorerParameters now = model.parameters();
                if (!ExplorerViewModel.sameSimulation(curve.parameters(), now)) {
                    violations.add(curve.parameters() + " shown while at " + now);
                }
            });
        });

        Node beta = robot.lookup("#beta1-slider .thumb").queryAs(Node.class);
        Node ridge = robot.lookup("#ridge-slider .thumb").queryAs(Node.class);
        for (int move = 0; move < 8; move++) {
            robot.drag(move % 2 == 0 ? beta : ridge, MouseButton.PRIMARY)
                    .moveBy(move % 3 == 0 ? 7 : -5, 0).release(MouseButton.PRIMARY);
            // Pauses around the debounce delay, so some jobs start and are then superseded.
            robot.sleep(120 + 60 * (move % 4));
        }

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
                model.simulationProperty().get() != null && !model.simulatingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(), violations);
        SimulationCurve last = model.simulationProperty().get();
        assertNotNull(last);
        assertTrue(ExplorerViewModel.sameSimulation(last.parameters(), model.parameters()));
        assertEquals(last, shown.get(shown.size() - 1));
        // The chart shows exactly the published curve: its q points are the curve's.
        var simulated = view.chart().simulationDataset();
        int series = simulated.indexOf(ExplorerChart.CONVERGENCE + " (sim)");
        assertTrue(series >= 0);
        assertEquals(last.points().size(), simulated.getItemCount(series));
        for (int i = 0; i < last.points().size(); i++) {
            assertEquals(last.points().get(i).convergence().mean(),
                    simulated.getYValue(series, i), 0.0);
        }
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static double[] values(XYSeriesCollection dataset, String key) {
        XYSeries series = dataset.getSeries(key);
        double[] y = new double[series.getItemCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = series.getY(i).doubleValue();
        }
        return y;
    }
}
