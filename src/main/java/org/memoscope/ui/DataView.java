package org.memoscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Orientation;
import javafx.util.StringConverter;

import org.jfree.chart.fx.ChartViewer;
import org.memoscope.chart.OrderParameterChart;
import org.memoscope.chart.OrderParameterChart.Line;
import org.memoscope.chart.OrderParameterChart.Points;
import org.memoscope.chart.Palette;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataParameters;
import org.memoscope.model.DataPoint;
import org.memoscope.model.Estimate;
import org.memoscope.model.Preset;

/**
 * The "Spectra and data" view: a power-law spectrum, power-law image fields or an image
 * dataset; the theory for the data's own spectrum (deterministic equivalent for q, outlier
 * overlaps for Q_k) beside the measured m, q, Q_k over a ladder of n, and a small plot of
 * the bulk and eigenspace distances. Binds to a {@link DataViewModel}.
 */
final class DataView {

    static final String NOTE = "Why theory and data can differ: the curves assume Gaussian data"
            + " with the data's own spectrum and d → ∞. Real images are not Gaussian (a linear"
            + " model's samples are Gaussian textures with the right spectrum, not garments),"
            + " and at finite d the transitions are smoothed and shifted. m has no curve here:"
            + " compare it with the grey baseline, the nearest-training similarity of held-out"
            + " real data.";

    private final DataViewModel model;
    /** Upper end of the load axes: room for the whole marker of a point at gamma = 128. */
    private static final double MAX_SHOWN_LOAD = 1.8e2;
    /** Width of both charts' y axes at normal size, so their load axes line up. */
    private static final double Y_AXIS_WIDTH = 64;

    private final OrderParameterChart chart = new OrderParameterChart("load  γ = n / d",
            1e-3, MAX_SHOWN_LOAD, "order parameter", 1.05);
    private final OrderParameterChart distances = new OrderParameterChart("load  γ = n / d",
            1e-3, MAX_SHOWN_LOAD, "distance", 2.05);
    private final BorderPane root = new BorderPane();
    private final ChoiceBox<DataParameters.Kind> kind = new ChoiceBox<>();
    private final ParameterControl exponent;
    private final ParameterControl imageSide;
    private final ParameterControl dimension;
    private final ParameterControl load;
    private final ParameterControl seeds;
    private final ParameterControl factors;
    private final Label status = new Label();
    private final Label error = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final PresetNote note = new PresetNote("data-");
    private final ChartViewer mainViewer;
    private final ScrollPane side;
    private HBox statusBar;
    private VBox bottom;
    private boolean pushing;

    DataView(DataViewModel model) {
        this.model = model;
        DataParameters p = model.parameters();
        chart.setRangeAxisWidth(Y_AXIS_WIDTH);
        distances.setRangeAxisWidth(Y_AXIS_WIDTH);

        exponent = new ParameterControl("Spectrum exponent  α",
                "Power-law exponent: eigenvalues j^(-α), or Fourier power |k|^(-α) for fields"
                        + " (natural images sit near α = 2).",
                0, 4, p.exponent(), false, false, v -> String.format(Locale.ROOT, "%.2f", v));
        imageSide = new ParameterControl("Image size  L  (d = L²)",
                "Side of the L × L power-law fields.", 8, 64, p.imageSide(), false, true,
                v -> Long.toString(Math.round(v)));
        dimension = new ParameterControl("Dimension  d",
                "Dimension of the abstract power-law spectrum.", 16, 4096, p.dimension(), true,
                true, v -> Long.toString(Math.round(v)));
        load = new ParameterControl("Load  γ = n/d  (cursor, sample grid)",
                "Training samples per model over the dimension; sets the sample grid's n.",
                1e-3, 1e2, p.loadRatio(), true, false, ParameterControl::formatLoad);
        seeds = new ParameterControl("Seeds per n",
                "Shared seeds drawn from both models at each n (and held-out images).",
                2, 256, p.seedCount(), true, true, v -> Long.toString(Math.round(v)));
        factors = new ParameterControl("Latent factors shown  r",
                "How many top population eigenvectors Q_k is shown for.", 1, 5,
                p.factorCount(), false, true, v -> Long.toString(Math.round(v)));
        exponent.slider().setId("alpha-slider");
        exponent.field().setId("alpha-field");
        imageSide.slider().setId("side-slider");
        dimension.slider().setId("data-dimension-slider");
        load.slider().setId("data-load-slider");
        load.field().setId("data-load-field");
        kind.setId("data-kind");

        mainViewer = ChartViewers.create(chart.chart(), "data-chart");
        ChartViewer small = ChartViewers.create(distances.chart(), "distance-chart");
        SplitPane charts = new SplitPane(mainViewer, small);
        charts.setOrientation(Orientation.VERTICAL);
        charts.setDividerPositions(0.68);

        side = new ScrollPane(buildControls());
        side.setId("data-side-panel");
        side.setFitToWidth(true);
        side.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        side.setPrefWidth(300);
        side.getStyleClass().add("side-panel");

        BorderPane centre = new BorderPane(charts);
        centre.setTop(note.node());
        centre.setBottom(buildStatus());
        root.setLeft(side);
        root.setCenter(centre);

        wire();
        showParameters(model.parameters());
        redraw();
    }

    Region root() {
        return root;
    }

    OrderParameterChart chart() {
        return chart;
    }

    OrderParameterChart distanceChart() {
        return distances;
    }

    /** The main chart's viewer, whose size an export takes by default. */
    ChartViewer chartViewer() {
        return mainViewer;
    }

    /** The note above the charts that explains the loaded preset. */
    PresetNote presetNote() {
        return note;
    }

    /** Shows the title and explanation of a data preset above the charts. */
    void showPreset(Preset preset) {
        note.show(preset);
    }

    /**
     * Presentation mode: hides the side panel and the progress line (errors stay), draws both
     * charts with large text and thick lines, and shortens the preset note to its title.
     */
    void setPresentation(boolean on) {
        side.setVisible(!on);
        side.setManaged(!on);
        statusBar.setVisible(!on);
        statusBar.setManaged(!on);
        bottom.setPadding(on ? Insets.EMPTY : new Insets(6, 12, 8, 12));
        note.setCompact(on);
        chart.setPresentationScale(on ? 2.0f : 1f, on ? 2.2f : 1f);
        distances.setPresentationScale(on ? 1.6f : 1f, on ? 2.2f : 1f);
        for (OrderParameterChart stacked : List.of(chart, distances)) {
            stacked.setRangeAxisWidth(Y_AXIS_WIDTH * (on ? 2.0 : 1));
            stacked.setRightPadding(on ? 36 : 16);
        }
    }

    boolean isSidePanelShowing() {
        return side.isVisible();
    }

    private VBox buildControls() {
        Label title = new Label("Data");
        title.getStyleClass().add("section-title");
        kind.getItems().setAll(DataParameters.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataParameters.Kind value) {
                return value == null ? "" : value.title();
            }

            @Override
            public DataParameters.Kind fromString(String text) {
                return null;
            }
        });
        kind.setTooltip(new Tooltip("Where the training data come from. Datasets are opened"
                + " from File ▸ Open dataset."));
        kind.setMaxWidth(Double.MAX_VALUE);

        Label experimentTitle = new Label("Experiment");
        experimentTitle.getStyleClass().add("section-title");
        Label ladder = new Label("Two linear models on disjoint training sets for about ten n"
                + " from 1 up to the cost budget; points show mean ± one standard error.");
        ladder.setWrapText(true);
        ladder.getStyleClass().add("readout-note");

        Label note = new Label(NOTE);
        note.setId("data-note");
        note.setWrapText(true);
        note.getStyleClass().add("readout-note");

        VBox box = new VBox(10, title, kind, exponent.node(), imageSide.node(), dimension.node(),
                load.node(), new Separator(), experimentTitle, seeds.node(), factors.node(),
                ladder, new Separator(), note);
        box.setPadding(new Insets(12));
        return box;
    }

    private VBox buildStatus() {
        progress.setPrefWidth(160);
        progress.setId("data-progress");
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        status.setId("data-status");
        error.textProperty().bind(model.errorProperty());
        error.setId("data-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        statusBar = new HBox(10, progress, status);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        bottom = new VBox(4, error, statusBar);
        bottom.setPadding(new Insets(6, 12, 8, 12));
        return bottom;
    }

    private void wire() {
        kind.valueProperty().addListener((obs, old, now) -> push(() -> model.setKind(now)));
        exponent.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setExponent(now.doubleValue())));
        imageSide.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setImageSide((int) Math.round(now.doubleValue()))));
        dimension.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setDimension((int) Math.round(now.doubleValue()))));
        load.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setLoadRatio(now.doubleValue())));
        seeds.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setSeedCount((int) Math.round(now.doubleValue()))));
        factors.valueProperty().addListener((obs, old, now) -> push(() ->
                model.setFactorCount((int) Math.round(now.doubleValue()))));

        model.parametersProperty().addListener((obs, old, now) -> showParameters(now));
        model.theoryProperty().addListener((obs, old, now) -> redraw());
        model.experimentProperty().addListener((obs, old, now) -> redraw());
    }

    private void push(Runnable command) {
        if (!pushing) {
            command.run();
        }
    }

    private void showParameters(DataParameters p) {
        pushing = true;
        try {
            kind.setValue(p.kind());
            exponent.setValue(p.exponent());
            imageSide.setValue(p.imageSide());
            dimension.setValue(p.dimension());
            load.setValue(p.loadRatio());
            seeds.setValue(p.seedCount());
            factors.setValue(p.factorCount());
            show(exponent, p.kind() != DataParameters.Kind.DATASET);
            show(imageSide, p.kind() == DataParameters.Kind.POWER_LAW_FIELD);
            show(dimension, p.kind() == DataParameters.Kind.POWER_LAW_SPECTRUM);
        } finally {
            pushing = false;
        }
        String label = OrderParameterChart.label("γ", p.loadRatio());
        chart.moveCursor(p.loadRatio(), label);
        distances.moveCursor(p.loadRatio(), label);
    }

    private static void show(ParameterControl control, boolean visible) {
        control.node().setVisible(visible);
        control.node().setManaged(visible);
    }

    /** Redraws both charts from the current theory and experiment, one batch each. */
    private void redraw() {
        DataViewModel.DataTheory theory = model.theoryProperty().get();
        DataCurve measured = model.experimentProperty().get();

        List<Line> lines = new ArrayList<>();
        List<Line> distanceLines = new ArrayList<>();
        if (theory != null) {
            double[] x = theory.loadRatios();
            lines.add(new Line("q theory", Palette.CONVERGENCE, false, x,
                    theory.convergence()));
            for (int k = 0; k < theory.latentRecovery().length; k++) {
                lines.add(new Line("Q" + (k + 1) + " theory", Palette.recovery(k),
                        false, x, theory.latentRecovery()[k]));
            }
            distanceLines.add(new Line("bulk: W2²(learnt, true) / Tr Σ", Palette.CONVERGENCE,
                    false, x, theory.bulkDistance()));
            distanceLines.add(new Line("spectral: top-r eigenspace distance / r (whole groups)",
                    Palette.recovery(0), false, x, theory.spectralDistance()));
        }

        List<Points> points = new ArrayList<>();
        if (measured != null) {
            points.addAll(measuredPoints(measured));
        }
        chart.show(lines, points, List.of());
        distances.show(distanceLines, List.of(), List.of());
    }

    private static List<Points> measuredPoints(DataCurve curve) {
        List<DataPoint> data = curve.points();
        int size = data.size();
        double[] x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = data.get(i).loadRatio();
        }
        List<Points> sets = new ArrayList<>();
        sets.add(points("q", Palette.CONVERGENCE, false, x, data,
                DataPoint::convergence));
        sets.add(points("q trace form", Palette.CONVERGENCE, true, x, data,
                DataPoint::convergenceTrace));
        sets.add(points("m memorisation", Palette.MEMORISATION, false, x, data,
                DataPoint::memorisation));
        sets.add(points("m baseline (held-out data)", Palette.BASELINE, true, x, data,
                DataPoint::memorisationBaseline));
        for (int k = 1; k <= curve.factorCount(); k++) {
            int factor = k;
            sets.add(points("Q" + k, Palette.recovery(k - 1), false, x, data,
                    point -> point.latentRecovery(factor)));
        }
        return sets;
    }

    private static Points points(String key, java.awt.Color colour, boolean hollow, double[] x,
                                 List<DataPoint> data,
                                 java.util.function.Function<DataPoint, Estimate> quantity) {
        double[] y = new double[data.size()];
        double[] error = new double[data.size()];
        for (int i = 0; i < y.length; i++) {
            Estimate estimate = quantity.apply(data.get(i));
            y[i] = estimate.mean();
            error[i] = estimate.standardError();
        }
        return new Points(key, colour, hollow, x, y, error);
    }
}
