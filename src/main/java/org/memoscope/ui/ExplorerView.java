package org.memoscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.memoscope.chart.ExplorerChart;
import org.memoscope.model.Estimate;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.ParameterLimits;
import org.memoscope.model.Preset;
import org.memoscope.model.SimulationPoint;
import org.memoscope.model.TheoryReadout;

/**
 * The explorer's main view: parameter controls on the left, the chart in the
 * centre, and under it the readout at the cursor and the simulation status.
 * It only binds to the {@link ExplorerViewModel} and forwards user input to
 * its commands.
 */
final class ExplorerView {

    private final ExplorerViewModel model;
    private final ExplorerChart chart = new ExplorerChart();
    private final ChartViewer chartViewer;
    private final BorderPane root = new BorderPane();
    private final ParameterControl load;
    private final ParameterControl dimension;
    private final ParameterControl ridge;
    private final ParameterControl seeds;
    private final List<ParameterControl> spikes = new ArrayList<>();
    private final Spinner<Integer> spikeCount = new Spinner<>(1, ExplorerParameters.MAX_SPIKES, 1);
    private final Spinner<Integer> repetitions = new Spinner<>(
            (int) ParameterLimits.REPETITIONS.min(), (int) ParameterLimits.REPETITIONS.max(), 2);
    private final CheckBox simulate = new CheckBox("Simulate at finite d");
    private final GridPane readout = new GridPane();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final VBox controls;
    private final ScrollPane side;
    private final PresetNote note = new PresetNote();
    private final HBox statusBar = new HBox(10);
    private final List<ColumnConstraints> readoutColumns = new ArrayList<>();
    private boolean presenting;
    private boolean pushing;

    ExplorerView(ExplorerViewModel model) {
        this.model = model;
        ExplorerParameters p = model.parameters();

        load = new ParameterControl("Load  γ = n/d",
                "Training samples per model divided by the dimension (log scale).",
                ParameterLimits.LOAD.min(), ParameterLimits.LOAD.max(), p.loadRatio(), true, false,
                ParameterControl::formatLoad);
        dimension = new ParameterControl("Dimension  d",
                "Data dimension used by the finite-size simulation (theory is d → ∞,"
                        + " except m, which depends on d).",
                ParameterLimits.DIMENSION.min(), ParameterLimits.DIMENSION.max(), p.dimension(),
                true, true, v -> Long.toString(Math.round(v)));
        ridge = new ParameterControl("Ridge  λ",
                "Regularisation added to the learnt covariance: S + λI.",
                ParameterLimits.RIDGE.min(), ParameterLimits.RIDGE.max(), p.ridge(), false, false,
                v -> String.format(Locale.ROOT, "%.3g", v));
        seeds = new ParameterControl("Seeds per model pair",
                "Number of shared seeds z drawn from both models at each simulated load.",
                ParameterLimits.SEEDS.min(), ParameterLimits.SEEDS.max(), p.seedCount(), true, true,
                v -> Long.toString(Math.round(v)));
        for (int k = 0; k < ExplorerParameters.MAX_SPIKES; k++) {
            double initial = k < p.spikeCount() ? p.spikeStrength(k) : 1.0 + k;
            ParameterControl spike = new ParameterControl("Spike strength  β" + (k + 1),
                    "Strength of latent factor " + (k + 1) + ": Σ = I + Σ β v vᵀ."
                            + " Recovered above γ = 1/β².",
                    ParameterLimits.SPIKE_STRENGTH.min(), ParameterLimits.SPIKE_STRENGTH.max(),
                    initial, false, false, v -> String.format(Locale.ROOT, "%.3g", v));
            spike.slider().setId("beta" + (k + 1) + "-slider");
            spike.field().setId("beta" + (k + 1) + "-field");
            spikes.add(spike);
        }
        load.slider().setId("load-slider");
        load.field().setId("load-field");
        dimension.slider().setId("dimension-slider");
        dimension.field().setId("dimension-field");
        ridge.slider().setId("ridge-slider");
        ridge.field().setId("ridge-field");
        seeds.slider().setId("seeds-slider");
        seeds.field().setId("seeds-field");
        spikeCount.setId("spike-count");
        repetitions.setId("repetitions");
        simulate.setId("simulate");

        chartViewer = ChartViewers.create(chart.chart(), "chart");
        chartViewer.setMinSize(300, 200);

        controls = buildControls();
        side = new ScrollPane(controls);
        side.setId("side-panel");
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(300);
        side.getStyleClass().add("side-panel");

        BorderPane centre = new BorderPane(chartViewer);
        centre.setTop(note.node());
        centre.setBottom(buildReadoutAndStatus());
        root.setLeft(side);
        root.setCenter(centre);

        wireInputs();
        bindOutputs();
    }

    Region root() {
        return root;
    }

    ExplorerChart chart() {
        return chart;
    }

    ParameterControl loadControl() {
        return load;
    }

    ChartViewer chartViewer() {
        return chartViewer;
    }

    /** The note above the chart that explains the loaded preset. */
    PresetNote presetNote() {
        return note;
    }

    /** Shows the title and explanation of a preset above the chart. */
    void showPreset(Preset preset) {
        note.show(preset);
    }

    /**
     * Presentation mode: hides the side panel and draws the chart with large text
     * and thick lines for a projector; off restores the working layout.
     */
    void setPresentation(boolean on) {
        presenting = on;
        side.setVisible(!on);
        side.setManaged(!on);
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        note.setCompact(on);
        chart.setPresentationScale(on ? 2.0f : 1f, on ? 2.2f : 1f);
        readout.getColumnConstraints().setAll(on ? List.of() : readoutColumns);
        showReadout();
    }

    boolean isSidePanelShowing() {
        return side.isVisible();
    }

    private VBox buildControls() {
        Label title = new Label("Spiked linear model");
        title.getStyleClass().add("section-title");
        Label spikesLabel = new Label("Latent factors (spikes)");
        spikesLabel.getStyleClass().add("parameter-name");
        spikeCount.setEditable(true);
        spikeCount.setPrefWidth(80);
        spikeCount.setTooltip(new Tooltip("Number of planted latent factors v_k (1 to 5)."));
        HBox spikeRow = new HBox(8, spikesLabel, spikeCount);
        spikeRow.setAlignment(Pos.CENTER_LEFT);

        Label simTitle = new Label("Finite-size simulation");
        simTitle.getStyleClass().add("section-title");
        simulate.setSelected(true);
        simulate.setTooltip(new Tooltip("Fit two linear models on disjoint training sets of"
                + " size n = γd, sample both with shared seeds, and plot the measured m, q, Q"
                + " with one standard error."));
        Label repetitionsLabel = new Label("Repetitions");
        repetitionsLabel.getStyleClass().add("parameter-name");
        repetitions.setEditable(true);
        repetitions.setPrefWidth(80);
        repetitions.setTooltip(new Tooltip("Independent pairs of training sets per simulated"
                + " load; standard errors are over repetitions and seeds."));
        HBox repetitionRow = new HBox(8, repetitionsLabel, repetitions);
        repetitionRow.setAlignment(Pos.CENTER_LEFT);

        VBox box = new VBox(10, title, load.node(), spikeRow);
        spikes.forEach(spike -> box.getChildren().add(spike.node()));
        box.getChildren().addAll(ridge.node(), new Separator(), simTitle, simulate,
                dimension.node(), seeds.node(), repetitionRow);
        box.setPadding(new Insets(12));
        box.getStyleClass().add("controls");
        return box;
    }

    private Node buildReadoutAndStatus() {
        readout.setId("readout");
        readout.setHgap(18);
        readout.setVgap(2);
        readout.getStyleClass().add("readout");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(170);
        readoutColumns.addAll(List.of(name, new ColumnConstraints(110),
                new ColumnConstraints(170)));
        readout.getColumnConstraints().addAll(readoutColumns);

        progress.setId("progress");
        progress.setPrefWidth(160);
        status.setId("status");
        statusBar.getChildren().addAll(progress, status);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.getStyleClass().add("status-bar");

        VBox bottom = new VBox(6, readout, statusBar);
        bottom.setPadding(new Insets(6, 12, 8, 12));
        return bottom;
    }

    private void wireInputs() {
        load.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setLoadRatio(now.doubleValue())));
        dimension.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setDimension((int) Math.round(now.doubleValue()))));
        ridge.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setRidge(now.doubleValue())));
        seeds.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setSeedCount((int) Math.round(now.doubleValue()))));
        for (int k = 0; k < spikes.size(); k++) {
            int index = k;
            spikes.get(k).valueProperty().addListener((obs, old, now) -> push(() ->
                    model.setSpikeStrength(index, now.doubleValue())));
        }
        spikeCount.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setSpikeCount(now)));
        repetitions.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setRepetitions(now)));
        simulate.selectedProperty().addListener((obs, old, now) ->
                model.setSimulationEnabled(now));
        model.simulationEnabledProperty().addListener((obs, old, now) ->
                simulate.setSelected(now));
    }

    /** Forwards a user edit to the model unless the controls are being set from it. */
    private void push(Runnable command) {
        if (!pushing) {
            command.run();
        }
    }

    private void bindOutputs() {
        model.parametersProperty().addListener((obs, old, now) -> showParameters(now));
        model.theoryProperty().addListener((obs, old, now) -> chart.showTheory(now));
        model.simulationProperty().addListener((obs, old, now) -> chart.showSimulation(now));
        model.readoutProperty().addListener((obs, old, now) -> showReadout());
        model.cursorSimulationProperty().addListener((obs, old, now) -> showReadout());
        status.textProperty().bind(model.statusProperty());
        progress.visibleProperty().bind(model.simulatingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(model.simulationProgressProperty());

        chart.showTheory(model.theoryProperty().get());
        chart.showSimulation(model.simulationProperty().get());
        showParameters(model.parameters());
        showReadout();
    }

    /** Moves every control to the model's values (after reset, presets, or clamping). */
    private void showParameters(ExplorerParameters p) {
        pushing = true;
        try {
            load.setValue(p.loadRatio());
            dimension.setValue(p.dimension());
            ridge.setValue(p.ridge());
            seeds.setValue(p.seedCount());
            spikeCount.getValueFactory().setValue(p.spikeCount());
            repetitions.getValueFactory().setValue(p.repetitions());
            for (int k = 0; k < spikes.size(); k++) {
                boolean active = k < p.spikeCount();
                if (active) {
                    spikes.get(k).setValue(p.spikeStrength(k));
                }
                spikes.get(k).node().setVisible(active);
                spikes.get(k).node().setManaged(active);
            }
        } finally {
            pushing = false;
        }
        chart.moveCursor(p.loadRatio());
    }

    private void showReadout() {
        TheoryReadout theory = model.readoutProperty().get();
        SimulationPoint sim = model.cursorSimulationProperty().get();
        readout.getChildren().clear();
        if (presenting) {
            showCompactReadout(theory, sim);
            return;
        }
        int row = 0;
        addRow(row++, "readout-header", header(String.format(Locale.ROOT,
                "At γ = %.3g  (n = %d)", theory.loadRatio(), theory.sampleCount())),
                header("theory"), header("simulation ± s.e."));
        addRow(row++, "readout-q", new Label("q  convergence"),
                value(theory.convergence()), estimate(sim == null ? null : sim.convergence()));
        addRow(row++, "readout-q-trace", new Label("q  trace form"),
                value(theory.convergence()),
                estimate(sim == null ? null : sim.convergenceTrace()));
        addRow(row++, "readout-m", new Label("m  memorisation"),
                value(theory.memorisation()), estimate(sim == null ? null : sim.memorisation()));
        double[] recovery = theory.latentRecovery();
        double[] thresholds = theory.bbpThresholds();
        double[] top = theory.topEigenvalues();
        for (int k = 0; k < recovery.length; k++) {
            Estimate measured = sim == null || k >= sim.latentRecovery().length
                    ? null : sim.latentRecovery(k);
            addRow(row++, "readout-Q" + (k + 1),
                    new Label(String.format(Locale.ROOT, "Q%d  recovery (γc = %s)", k + 1,
                            Double.isFinite(thresholds[k])
                                    ? String.format(Locale.ROOT, "%.3g", thresholds[k]) : "∞")),
                    value(recovery[k]), estimate(measured));
        }
        Label spectrum = new Label(String.format(Locale.ROOT,
                "bulk edge (1+1/√γ)² = %.4g;  top sample eigenvalue%s: %s",
                theory.bulkEdge(), recovery.length > 1 ? "s" : "", formatAll(top)));
        spectrum.setId("readout-spectrum");
        spectrum.getStyleClass().add("readout-note");
        readout.add(spectrum, 0, row, 3, 1);
    }

    /**
     * The readout in three rows (quantities across, theory and simulation down),
     * so that in presentation mode the chart keeps most of the height.
     */
    private void showCompactReadout(TheoryReadout theory, SimulationPoint sim) {
        readout.add(header(String.format(Locale.ROOT, "γ = %.3g,  n = %d", theory.loadRatio(),
                theory.sampleCount())), 0, 0);
        readout.add(header("theory"), 0, 1);
        readout.add(header("simulation"), 0, 2);
        List<String> names = new ArrayList<>(List.of("q", "m"));
        List<Double> values = new ArrayList<>(List.of(theory.convergence(),
                theory.memorisation()));
        List<Estimate> measured = new ArrayList<>();
        measured.add(sim == null ? null : sim.convergence());
        measured.add(sim == null ? null : sim.memorisation());
        double[] recovery = theory.latentRecovery();
        for (int k = 0; k < recovery.length; k++) {
            names.add("Q" + (k + 1));
            values.add(recovery[k]);
            measured.add(sim == null || k >= sim.latentRecovery().length
                    ? null : sim.latentRecovery(k));
        }
        for (int c = 0; c < names.size(); c++) {
            readout.add(header(names.get(c)), c + 1, 0);
            Label value = new Label(String.format(Locale.ROOT, "%.3f", values.get(c)));
            value.getStyleClass().add("readout-value");
            readout.add(value, c + 1, 1);
            Estimate e = measured.get(c);
            // "0.724±.003": the standard error without its leading zero keeps the row short.
            Label simulated = e == null ? estimate(null) : new Label(String.format(Locale.ROOT,
                    "%.3f±%.3f", e.mean(), e.standardError()).replace("±0.", "±."));
            simulated.getStyleClass().add("readout-value");
            readout.add(simulated, c + 1, 2);
        }
    }

    private void addRow(int row, String id, Label name, Label theory, Label sim) {
        theory.setId(id + "-theory");
        sim.setId(id + "-sim");
        name.setId(id + "-name");
        readout.addRow(row, name, theory, sim);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("readout-header");
        return label;
    }

    private static Label value(double v) {
        Label label = new Label(String.format(Locale.ROOT, "%.4f", v));
        label.getStyleClass().add("readout-value");
        return label;
    }

    private Label estimate(Estimate e) {
        String text;
        if (!model.simulationEnabledProperty().get()) {
            text = "off";
        } else if (e == null) {
            text = model.parameters().loadRatio() > model.maxSimulatedLoad() ? "beyond budget" : "…";
        } else {
            text = String.format(Locale.ROOT, "%.4f ± %.4f", e.mean(), e.standardError());
        }
        Label label = new Label(text);
        label.getStyleClass().add("readout-value");
        return label;
    }

    private static String formatAll(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.format(Locale.ROOT, "%.4g", v));
        }
        return text.toString();
    }
}
