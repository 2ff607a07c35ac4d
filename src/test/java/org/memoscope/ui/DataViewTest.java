package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataParameters;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Spectra and data" view driven by a robot (headless Monocle in CI). */
@ExtendWith(ApplicationExtension.class)
class DataViewTest {

    private DataViewModel model;
    private DataView view;

    @Start
    void start(Stage stage) {
        model = new DataViewModel();
        view = new DataView(model);
        stage.setScene(new Scene(view.root(), 1200, 780));
        stage.show();
    }

    @AfterEach
    void closeModel() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(model::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void draggingTheExponentRedrawsTheTheoryForTheNewSpectrum(FxRobot robot) throws Exception {
        awaitTheory(robot);
        double[] before = theoryLine("q theory");
        double alphaBefore = model.parameters().exponent();

        robot.drag(robot.lookup("#alpha-slider .thumb").queryAs(Node.class), MouseButton.PRIMARY)
                .moveBy(-50, 0).release(MouseButton.PRIMARY);
        awaitTheory(robot);

        double alpha = model.parameters().exponent();
        assertTrue(alpha < alphaBefore, "dragging left lowered alpha, got " + alpha);
        assertEquals(alpha, model.theoryProperty().get().parameters().exponent(), 0.0,
                "the drawn theory belongs to the new exponent");
        double[] after = theoryLine("q theory");
        assertNotEquals(Arrays.toString(before), Arrays.toString(after));
        // A flatter spectrum converges more slowly: q at gamma = 1 is lower.
        int middle = indexOfLoad(1.0);
        assertTrue(after[middle] < before[middle], "q(1) fell with alpha: " + before[middle]
                + " -> " + after[middle]);
    }

    @Test
    void aCorruptDatasetIsReportedAndTheViewStaysUsable(FxRobot robot,
                                                      @TempDir Path folder) throws Exception {
        Path corrupt = folder.resolve("broken-images.idx");
        Files.write(corrupt, new byte[] {0, 0, 8, 3, 0, 0, 0, 5, 0, 0, 0, 4, 0, 0, 0, 4, 1, 2});

        robot.interact(() -> model.openDataset(corrupt));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !model.errorProperty().get()
                .isEmpty());
        String message = robot.lookup("#data-error").queryAs(Label.class).getText();
        assertTrue(message.contains("broken-images.idx"), message);
        assertTrue(message.toLowerCase().contains("truncated")
                || message.toLowerCase().contains("expected"), message);

        robot.interact(() -> model.setKind(DataParameters.Kind.POWER_LAW_SPECTRUM));
        awaitTheory(robot);
        assertEquals("", model.errorProperty().get());
        assertEquals(DataParameters.Kind.POWER_LAW_SPECTRUM,
                model.theoryProperty().get().parameters().kind());
    }

    @Test
    void anExperimentIsShownOnlyForTheCurrentParameters(FxRobot robot) throws Exception {
        List<String> violations = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            model.setParameters(DataParameters.DEFAULTS.withImageSide(8).withSeedCount(4));
            model.experimentProperty().addListener((obs, old, curve) -> check(curve, violations));
        });
        for (int move = 0; move < 6; move++) {
            int side = 8 + 2 * (move % 3);
            double alpha = 1.0 + 0.25 * move;
            robot.interact(() -> model.setParameters(model.parameters().withImageSide(side)
                    .withExponent(alpha)));
            robot.sleep(150 + 100 * (move % 3));
        }
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () ->
                model.experimentProperty().get() != null && !model.busyProperty().get());

        assertEquals(List.of(), violations);
        DataCurve shown = model.experimentProperty().get();
        assertNotNull(shown);
        int side = model.parameters().imageSide();
        assertEquals(side * side, shown.dimension());
    }

    private void check(DataCurve curve, List<String> violations) {
        if (curve == null) {
            return;
        }
        DataParameters now = model.parameters();
        String expected = model.sourceProperty().get() == null ? "?"
                : model.sourceProperty().get().description();
        if (!curve.source().equals(expected) || curve.seedCount() != now.seedCount()) {
            violations.add(curve.source() + " shown while at " + now.describe());
        }
    }

    private void awaitTheory(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.theoryProperty().get()
                != null && model.theoryProperty().get().parameters().sameData(model.parameters()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double[] theoryLine(String key) {
        XYSeries series = view.chart().lineDataset().getSeries(key);
        double[] y = new double[series.getItemCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = series.getY(i).doubleValue();
        }
        return y;
    }

    private static int indexOfLoad(double load) {
        double[] loads = DataViewModel.THEORY_LOADS;
        int best = 0;
        for (int i = 1; i < loads.length; i++) {
            if (Math.abs(Math.log(loads[i] / load)) < Math.abs(Math.log(loads[best] / load))) {
                best = i;
            }
        }
        return best;
    }
}
