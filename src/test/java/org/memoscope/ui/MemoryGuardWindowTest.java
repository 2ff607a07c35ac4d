package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memoscope.model.ExplorerParameters;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault suite, memory guard in the window: parameters whose simulation cannot fit in the
 * heap (100000 seeds at d = 4000, as a preset or state text could ask for) put the
 * simulation's refusal in the status bar, draw no simulated curve, keep the theory, and
 * leave the window working: the next small request simulates normally.
 */
@ExtendWith(ApplicationExtension.class)
class MemoryGuardWindowTest {

    private ExplorerViewModel model;

    @Start
    void start(Stage stage) {
        model = new ExplorerViewModel();
        ExplorerView view = new ExplorerView(model);
        stage.setScene(new Scene(view.root(), 960, 640));
        stage.show();
    }

    @AfterEach
    void closeModel() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(model::close);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSimulationTooLargeForTheHeapIsReportedAndTheWindowGoesOn(FxRobot robot)
            throws TimeoutException {
        ExplorerParameters huge = ExplorerParameters.DEFAULTS.withDimension(4000)
                .withSeedCount(100_000);
        robot.interact(() -> model.setParameters(huge));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> statusText(robot)
                .startsWith("Simulation failed"));
        String status = statusText(robot);
        assertTrue(status.contains("of memory") && status.contains("-Xmx"), status);
        assertEquals(null, model.simulationProperty().get());
        assertEquals(huge, model.theoryProperty().get().parameters());

        robot.interact(() -> model.setParameters(ExplorerParameters.DEFAULTS.withDimension(60)
                .withSeedCount(4).withRepetitions(1)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
                model.simulationProperty().get() != null && !model.simulatingProperty().get());
        assertNotNull(model.simulationProperty().get());
        assertTrue(!statusText(robot).startsWith("Simulation failed"), statusText(robot));
    }

    private static String statusText(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class).getText();
    }
}
