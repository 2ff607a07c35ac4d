package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault suite, window: {@value #BATCHES} batches of {@value #ACTIONS_PER_BATCH} seeded random
 * actions on the explorer (sliders, typed field values good and bad, spinners, the simulate
 * check box, and the menu's commands: built-in presets, reset, state text good and bad), run
 * on the FX thread, with real robot clicks and drags between batches and pauses around the
 * simulation's debounce delay so jobs start and are superseded. Dimensions are kept small
 * (50 to 120) and seeds few, so simulations are cheap.
 *
 * <p>Checked throughout: no uncaught exception on any thread (the FX thread included), and
 * no more than one live worker per background runner. Checked each time the jobs settle: the
 * theory curves and readout belong to the current parameters, the simulated curve matches
 * them apart from gamma, the point at the cursor is at the current n and d, and the readout
 * shows the current gamma.
 */
@ExtendWith(ApplicationExtension.class)
class MonkeyTest {

    private static final int BATCHES = 110;
    private static final int ACTIONS_PER_BATCH = 50;
    private static final int SETTLE_EVERY = 22;
    private static final String[] SLIDERS = {"load", "ridge", "dimension", "seeds", "beta1",
        "beta2", "beta3", "beta4", "beta5"};
    private static final String[] BAD_TEXT = {"", "abc", "-1", "1e9", "NaN", "Infinity",
        "0,5,", "1..2", "  ", "7e", "--3", "0x10"};
    private static final String[] BAD_STATES = {"", "garbage", "gamma=abc", "d=1",
        "{\"version\": 99}", "gamma=1;d=50;beta=;lambda=0"};
    /** Runner thread names of the view-model, and the simulation's shared helper. */
    private static final String[] WORKER_PREFIXES = {"simulation-", "cursor-simulation-",
        "memoscope-simulation-worker"};

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private ExplorerViewModel model;
    private ExplorerView view;
    private ExplorerActions actions;
    private Scene scene;
    private Set<Thread> threadsBefore;
    private Thread.UncaughtExceptionHandler previousDefault;

    @Start
    void start(Stage stage) {
        threadsBefore = new HashSet<>(Thread.getAllStackTraces().keySet());
        model = new ExplorerViewModel();
        view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        scene = new Scene(view.root(), 960, 640);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeModel() throws TimeoutException {
        WaitForAsyncUtils.asyncFx(model::close);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
    }

    @Test
    void thousandsOfRandomActionsLeaveTheWindowConsistent(FxRobot robot) throws Exception {
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
        robot.interact(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, error) ->
                    uncaught.add(error));
            model.setDimension(80);
            model.setSeedCount(4);
            model.setRepetitions(1);
        });
        SplittableRandom random = new SplittableRandom(20261204L);
        List<String> presets = spikedPresets();
        int actionsRun = 0;
        int settles = 0;
        int maxWorkers = 0;

        for (int batch = 0; batch < BATCHES; batch++) {
            SplittableRandom batchRandom = random.split();
            robot.interact(() -> {
                for (int i = 0; i < ACTIONS_PER_BATCH; i++) {
                    randomAction(batchRandom, presets);
                }
                keepSimulationsSmall();
            });
            actionsRun += ACTIONS_PER_BATCH;
            if (batch % 5 == 4) {
                actionsRun += robotAction(robot, random);
            }
            robot.sleep(random.nextInt(4) == 0 ? 150 + random.nextInt(250) : 5);
            maxWorkers = Math.max(maxWorkers, checkWorkers());
            assertEquals(List.of(), uncaught, "uncaught exceptions after batch " + batch);
            if (batch % SETTLE_EVERY == SETTLE_EVERY - 1) {
                settleAndCheck(robot);
                settles++;
            }
        }
        robot.interact(this::keepSimulationsSmall);
        settleAndCheck(robot);
        settles++;

        assertEquals(List.of(), uncaught);
        assertTrue(actionsRun >= 5000, "ran " + actionsRun + " actions");
        assertTrue(settles >= 5);
        assertTrue(maxWorkers <= WORKER_PREFIXES.length, "workers " + maxWorkers);
    }

    // ---- actions --------------------------------------------------------------------

    /** The built-in presets of this window's view (the data tabs' presets need those tabs). */
    private static List<String> spikedPresets() throws PresetException {
        List<String> names = new java.util.ArrayList<>();
        for (String name : PresetCatalog.builtInNames()) {
            if (PresetCatalog.builtIn(name).isSpiked()) {
                names.add(name);
            }
        }
        return names;
    }

    private void randomAction(SplittableRandom random, List<String> presets) {
        int kind = random.nextInt(100);
        if (kind < 45) {
            moveSlider(random);
        } else if (kind < 70) {
            typeIntoField(random);
        } else if (kind < 80) {
            stepSpinner(random, random.nextBoolean() ? "#spike-count" : "#repetitions");
        } else if (kind < 84) {
            CheckBox simulate = (CheckBox) lookup("#simulate");
            simulate.setSelected(!simulate.isSelected());
        } else if (kind < 90 && !presets.isEmpty()) {
            String name = presets.get(random.nextInt(presets.size()));
            try {
                actions.applyBuiltIn(name);
            } catch (PresetException broken) {
                uncaught.add(new AssertionError("built-in preset " + name + " fails", broken));
            }
        } else if (kind < 93) {
            actions.reset();
        } else {
            applyState(random);
        }
    }

    private void moveSlider(SplittableRandom random) {
        Slider slider = (Slider) lookup("#" + SLIDERS[random.nextInt(SLIDERS.length)]
                + "-slider");
        double fraction = random.nextDouble();
        if (random.nextInt(10) == 0) {
            fraction = random.nextBoolean() ? 0 : 1;
        }
        if (slider.getId().startsWith("dimension") || slider.getId().startsWith("seeds")) {
            fraction *= 0.15;
        }
        slider.setValue(slider.getMin() + fraction * (slider.getMax() - slider.getMin()));
    }

    private void typeIntoField(SplittableRandom random) {
        String name = SLIDERS[random.nextInt(SLIDERS.length)];
        TextField field = (TextField) lookup("#" + name + "-field");
        String text;
        if (random.nextInt(3) == 0) {
            text = BAD_TEXT[random.nextInt(BAD_TEXT.length)];
        } else {
            Slider slider = (Slider) lookup("#" + name + "-slider");
            double value = slider.getMin() + random.nextDouble()
                    * (slider.getMax() - slider.getMin());
            boolean logScale = name.equals("load") || name.equals("dimension")
                    || name.equals("seeds");
            double shown = logScale ? Math.pow(10, value) : value;
            if (name.equals("dimension")) {
                shown = 50 + random.nextInt(71);
            } else if (name.equals("seeds")) {
                shown = 1 + random.nextInt(8);
            }
            text = String.format(Locale.ROOT, "%.4g", shown);
        }
        field.setText(text);
        field.fireEvent(new ActionEvent(field, field));
    }

    private void stepSpinner(SplittableRandom random, String id) {
        Spinner<?> spinner = (Spinner<?>) lookup(id);
        if (random.nextBoolean()) {
            spinner.increment(1 + random.nextInt(2));
        } else {
            spinner.decrement(1 + random.nextInt(2));
        }
    }

    private void applyState(SplittableRandom random) {
        if (random.nextBoolean()) {
            String state = actions.stateText();
            actions.applyState(state);
            return;
        }
        try {
            actions.applyState(BAD_STATES[random.nextInt(BAD_STATES.length)]);
        } catch (RuntimeException refused) {
            // What the Edit menu shows in a dialog; the view must be unchanged (checked later).
        }
    }

    /** Keeps each batch's end state cheap to simulate: d at most 120, few seeds. */
    private void keepSimulationsSmall() {
        ExplorerParameters p = model.parameters();
        if (p.dimension() > 120 || p.seedCount() > 8 || p.repetitions() > 2) {
            model.setParameters(p.withDimension(Math.min(p.dimension(), 50 + p.dimension() % 71))
                    .withSeedCount(Math.min(p.seedCount(), 4))
                    .withRepetitions(Math.min(p.repetitions(), 2)));
        }
    }

    /** A real click or drag through the robot; returns how many actions it made. */
    private int robotAction(FxRobot robot, SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0 -> robot.clickOn("#simulate");
            case 1 -> robot.clickOn(robot.lookup("#spike-count .increment-arrow-button")
                    .queryAs(Node.class));
            case 2 -> robot.clickOn(robot.lookup("#spike-count .decrement-arrow-button")
                    .queryAs(Node.class));
            default -> robot.drag(robot.lookup("#load-slider .thumb").queryAs(Node.class),
                    MouseButton.PRIMARY).moveBy(random.nextInt(81) - 40, 0)
                    .release(MouseButton.PRIMARY);
        }
        return 1;
    }

    // ---- checks ---------------------------------------------------------------------

    private int checkWorkers() {
        int total = 0;
        for (String prefix : WORKER_PREFIXES) {
            int alive = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (!threadsBefore.contains(thread) && thread.isAlive()
                        && thread.getName().startsWith(prefix)) {
                    alive++;
                }
            }
            assertTrue(alive <= 1, alive + " live threads named " + prefix + "*");
            total += alive;
        }
        return total;
    }

    private void settleAndCheck(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return onFx(() -> !model.simulatingProperty().get()
                    && (!model.simulationEnabledProperty().get()
                    || model.simulationProperty().get() != null));
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> collectProblems(problems));
        assertEquals(List.of(), problems);
    }

    private void collectProblems(List<String> problems) {
        ExplorerParameters now = model.parameters();
        TheoryCurves theory = model.theoryProperty().get();
        if (!now.equals(theory.parameters())) {
            problems.add("theory for " + theory.parameters() + " shown at " + now);
        }
        TheoryReadout readout = model.readoutProperty().get();
        if (readout.loadRatio() != now.loadRatio() || readout.sampleCount() != now.sampleCount()) {
            problems.add("readout at gamma " + readout.loadRatio() + " shown at " + now);
        }
        String header = ((Label) lookup("#readout-header-name")).getText();
        String gamma = String.format(Locale.ROOT, "%.3g", now.loadRatio());
        if (!header.contains(gamma)) {
            problems.add("readout header '" + header + "' does not show gamma " + gamma);
        }
        if (Math.abs(view.chart().cursorLoad() - now.loadRatio()) > 1e-12) {
            problems.add("cursor at " + view.chart().cursorLoad() + " shown at " + now);
        }
        SimulationCurve curve = model.simulationProperty().get();
        if (model.simulationEnabledProperty().get()) {
            assertNotNull(curve, "no simulated curve after settling at " + now);
            if (!ExplorerViewModel.sameSimulation(curve.parameters(), now)) {
                problems.add("simulation for " + curve.parameters() + " shown at " + now);
            }
        } else if (curve != null) {
            problems.add("a simulated curve is shown with simulation off");
        }
        SimulationPoint point = model.cursorSimulationProperty().get();
        if (point != null && (point.sampleCount() != now.sampleCount()
                || point.dimension() != now.dimension())) {
            problems.add("cursor point at n = " + point.sampleCount() + ", d = "
                    + point.dimension() + " shown at " + now);
        }
    }

    private Node lookup(String query) {
        Node node = scene.lookup(query);
        assertNotNull(node, "no node " + query);
        return node;
    }

    private static boolean onFx(java.util.function.BooleanSupplier condition) {
        if (Platform.isFxApplicationThread()) {
            return condition.getAsBoolean();
        }
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS);
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
