package org.memoscope.ui;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

import org.memoscope.compute.JobListener;
import org.memoscope.compute.LatestJobRunner;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;
import org.memoscope.sim.LinearModelExperiment;
import org.memoscope.theory.SpikedTheory;

/**
 * The explorer's state and the commands that change it. Views bind to its
 * read-only properties and call its setters; nothing else writes the state.
 *
 * <p>Theory is cheap and is recomputed at once on every change (while a slider
 * is dragged). Simulation runs in the background: after a short pause in the
 * changes of the parameters it depends on, a job is submitted to a
 * {@link LatestJobRunner}, which cancels the previous one. A finished curve is
 * published only if it was computed for exactly the current parameters, so a
 * stale result can never be drawn. All methods are called on the FX thread.
 */
public final class ExplorerViewModel implements AutoCloseable {

    /** Points of the theory curves across the load axis. */
    public static final int THEORY_POINTS = 300;

    /** Simulated loads across the axis (those above the budget for d are skipped). */
    public static final int SIMULATION_POINTS = 13;

    private static final Duration SIMULATION_DELAY = Duration.millis(250);

    private final double[] theoryGrid =
            LoadGrid.logarithmic(1e-2, 1e2, THEORY_POINTS);
    private final double[] simulationGrid =
            LoadGrid.logarithmic(1e-2, 1e2, SIMULATION_POINTS);

    private final ReadOnlyObjectWrapper<ExplorerParameters> parameters =
            new ReadOnlyObjectWrapper<>(ExplorerParameters.DEFAULTS);
    private final ReadOnlyObjectWrapper<TheoryCurves> theory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TheoryReadout> readout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SimulationCurve> simulation =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SimulationPoint> cursorSimulation =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper simulationEnabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper simulating = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper simulationProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private final LatestJobRunner<SimulationCurve> curveRunner;
    private final LatestJobRunner<SimulationPoint> cursorRunner;
    private final PauseTransition simulationDelay = new PauseTransition(SIMULATION_DELAY);
    private final PauseTransition cursorDelay = new PauseTransition(SIMULATION_DELAY);
    private Consumer<SimulationCurve> drawnCurveObserver = curve -> { };
    private boolean curveBusy;
    private boolean cursorBusy;

    public ExplorerViewModel() {
        curveRunner = new LatestJobRunner<>("simulation", Platform::runLater);
        cursorRunner = new LatestJobRunner<>("cursor-simulation", Platform::runLater);
        simulationDelay.setOnFinished(event -> submitCurveSimulation());
        cursorDelay.setOnFinished(event -> submitCursorSimulation());
        recomputeTheory();
        scheduleSimulation();
    }

    // ---- state ----------------------------------------------------------------

    public ReadOnlyObjectProperty<ExplorerParameters> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public ExplorerParameters parameters() {
        return parameters.get();
    }

    public ReadOnlyObjectProperty<TheoryCurves> theoryProperty() {
        return theory.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TheoryReadout> readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** The simulated curve for the current parameters, or null while none is ready. */
    public ReadOnlyObjectProperty<SimulationCurve> simulationProperty() {
        return simulation.getReadOnlyProperty();
    }

    /** The simulated point at the cursor load, or null while none is ready. */
    public ReadOnlyObjectProperty<SimulationPoint> cursorSimulationProperty() {
        return cursorSimulation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty simulationEnabledProperty() {
        return simulationEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty simulatingProperty() {
        return simulating.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty simulationProgressProperty() {
        return simulationProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Largest load simulated at the current dimension. */
    public double maxSimulatedLoad() {
        return LinearModelExperiment.maxSimulatedLoad(parameters().dimension());
    }

    /** For tests and diagnostics: called with every curve right before it is published. */
    void observeDrawnCurves(Consumer<SimulationCurve> observer) {
        drawnCurveObserver = Objects.requireNonNull(observer);
    }

    // ---- commands -------------------------------------------------------------

    public void setLoadRatio(double loadRatio) {
        update(parameters().withLoadRatio(loadRatio));
    }

    public void setDimension(int dimension) {
        update(parameters().withDimension(dimension));
    }

    /** Sets beta_k (0-based k); ignored for k beyond the current spike count. */
    public void setSpikeStrength(int k, double beta) {
        double[] betas = parameters().spikeStrengths();
        if (k < betas.length) {
            betas[k] = beta;
            update(parameters().withSpikeStrengths(betas));
        }
    }

    /** Changes the number of spikes, keeping existing strengths and adding beta = 1 ones. */
    public void setSpikeCount(int count) {
        double[] old = parameters().spikeStrengths();
        double[] betas = new double[count];
        for (int k = 0; k < count; k++) {
            betas[k] = k < old.length ? old[k] : 1.0 + k;
        }
        update(parameters().withSpikeStrengths(betas));
    }

    public void setRidge(double ridge) {
        update(parameters().withRidge(ridge));
    }

    public void setSeedCount(int seeds) {
        update(parameters().withSeedCount(seeds));
    }

    public void setRepetitions(int repetitions) {
        update(parameters().withRepetitions(repetitions));
    }

    /** Replaces every parameter at once (presets, reset). */
    public void setParameters(ExplorerParameters newParameters) {
        update(newParameters);
    }

    /** Every parameter back to {@link ExplorerParameters#DEFAULTS}, simulation on. */
    public void reset() {
        update(ExplorerParameters.DEFAULTS);
        setSimulationEnabled(true);
    }

    public void setSimulationEnabled(boolean enabled) {
        if (enabled == simulationEnabled.get()) {
            return;
        }
        simulationEnabled.set(enabled);
        if (enabled) {
            scheduleSimulation();
        } else {
            cancelSimulation();
            simulation.set(null);
            cursorSimulation.set(null);
            status.set("Simulation off");
        }
    }

    private void update(ExplorerParameters next) {
        ExplorerParameters previous = parameters();
        if (next.equals(previous)) {
            return;
        }
        parameters.set(next);
        recomputeTheory();

        boolean curveChanged = !sameSimulation(previous, next);
        if (curveChanged) {
            simulation.set(null);
        }
        cursorSimulation.set(null);
        if (!simulationEnabled.get()) {
            return;
        }
        if (curveChanged) {
            scheduleSimulation();
        } else if (!curveBusy) {
            cursorRunner.cancel();
            setBusy(false, true);
            cursorDelay.playFromStart();
        }
    }

    private void setBusy(boolean curve, boolean cursor) {
        curveBusy = curve;
        cursorBusy = cursor;
        simulating.set(curve || cursor);
    }

    /** True when two parameter sets give the same simulated curve (they differ at most in gamma). */
    static boolean sameSimulation(ExplorerParameters a, ExplorerParameters b) {
        return a.withLoadRatio(1).equals(b.withLoadRatio(1));
    }

    private void recomputeTheory() {
        ExplorerParameters current = parameters();
        theory.set(SpikedTheory.curves(current, theoryGrid));
        readout.set(SpikedTheory.readout(current));
    }

    // ---- background simulation ------------------------------------------------

    private void scheduleSimulation() {
        if (!simulationEnabled.get()) {
            return;
        }
        curveRunner.cancel();
        cursorRunner.cancel();
        setBusy(true, false);
        simulationProgress.set(-1);
        status.set("Simulation waiting for the sliders to settle…");
        simulationDelay.playFromStart();
        cursorDelay.stop();
    }

    private void cancelSimulation() {
        simulationDelay.stop();
        cursorDelay.stop();
        curveRunner.cancel();
        cursorRunner.cancel();
        setBusy(false, false);
        simulationProgress.set(0);
    }

    private void submitCurveSimulation() {
        ExplorerParameters request = parameters();
        simulationProgress.set(0);
        status.set(String.format(java.util.Locale.ROOT, "Simulating d = %d, %d seeds…",
                request.dimension(), request.seedCount()));
        curveRunner.submit(
                context -> LinearModelExperiment.curve(request, simulationGrid, context),
                new JobListener<>() {
                    @Override
                    public void progress(double fraction, String message) {
                        simulationProgress.set(fraction);
                    }

                    @Override
                    public void succeeded(SimulationCurve curve) {
                        publishCurve(curve);
                        submitCursorSimulation();
                    }

                    @Override
                    public void failed(Throwable error) {
                        setBusy(false, false);
                        status.set("Simulation failed: " + describe(error));
                    }
                });
    }

    private void publishCurve(SimulationCurve curve) {
        if (!sameSimulation(curve.parameters(), parameters())) {
            return;
        }
        drawnCurveObserver.accept(curve);
        simulation.set(curve);
    }

    private void submitCursorSimulation() {
        ExplorerParameters request = parameters();
        if (request.loadRatio() > maxSimulatedLoad()) {
            setBusy(false, false);
            simulationProgress.set(1);
            status.set(String.format(java.util.Locale.ROOT,
                    "Simulated up to γ = %.3g at d = %d (cost budget)",
                    maxSimulatedLoad(), request.dimension()));
            return;
        }
        setBusy(false, true);
        status.set("Simulating at the cursor…");
        cursorRunner.submit(
                context -> LinearModelExperiment.measure(request, request.loadRatio(), context),
                new JobListener<>() {
                    @Override
                    public void progress(double fraction, String message) {
                    }

                    @Override
                    public void succeeded(SimulationPoint point) {
                        setBusy(false, false);
                        simulationProgress.set(1);
                        if (request.equals(parameters())) {
                            cursorSimulation.set(point);
                            status.set("Simulation up to date");
                        }
                    }

                    @Override
                    public void failed(Throwable error) {
                        setBusy(false, false);
                        status.set("Simulation at the cursor failed: " + describe(error));
                    }
                });
    }

    private static String describe(Throwable error) {
        if (error instanceof OutOfMemoryError) {
            return "not enough memory for this dimension; lower d or the load";
        }
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        cancelSimulation();
        curveRunner.close();
        cursorRunner.close();
    }
}
