package org.memoscope.ui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import org.jfree.chart.fx.ChartViewer;
import org.memoscope.chart.OrderParameterChart;
import org.memoscope.chart.OrderParameterChart.Line;
import org.memoscope.chart.OrderParameterChart.Points;
import org.memoscope.chart.Palette;
import org.memoscope.diffusion.PairData;
import org.memoscope.diffusion.PairExperiment;
import org.memoscope.diffusion.PairPoint;
import org.memoscope.io.SampleGridPng;
import org.memoscope.model.DataPoint;
import org.memoscope.model.ParameterLimits;
import org.memoscope.sim.SampleGrid;

/**
 * The "Denoiser pair" view: settings, Run and Cancel, progress with the time left, the
 * regime of each N, and four charts — m and q against N beside the linear model on the same
 * images, the train/test denoising errors against N, the distance between the two denoisers
 * against the noise level, and the training loss (live while training) — with the sample
 * grid of a chosen N on the right. It only binds to a {@link PairViewModel}.
 */
final class PairView {

    private static final Color TRAIN = new Color(0x2a9d3a);
    private static final Color TEST = new Color(0xc2185b);
    /** Width of an image in the sample grid: 16 × 16 pixels at 4×, to fit beside the charts. */
    private static final int GRID_CELL = 64;
    /** Room for that grid at its natural width (about 500 px) and a scroll bar. */
    private static final double GRID_PANEL_WIDTH = 530;
    /**
     * Heights of a row of charts below which a y label ("mean squared A−B difference") no
     * longer fits beside its plot, at normal and presentation fonts; the page scrolls rather
     * than cut it.
     */
    static final double CHART_MIN_HEIGHT = 270;
    /**
     * While presenting, each chart has a row of its own: the main chart (its eight-entry
     * legend beside the plot) and the small charts, at the presentation fonts.
     */
    static final double PRESENTING_MAIN_CHART_HEIGHT = 460;
    static final double PRESENTING_CHART_MIN_HEIGHT = 420;

    /** What the charts show; also the Help window's text for this tab. */
    static final String EXPLANATION = "Two blind convolutional denoisers, A and B, are trained"
            + " on disjoint sets of N images and sampled from the same noise. m: cosine of a"
            + " sample to its nearest training image (grey: the same for new real images);"
            + " q: cosine between A's and B's samples. Dashed: the linear model on the same"
            + " images; solid blue: its q for d → ∞. Small N: copies (m ≈ 1, q low); large N:"
            + " A and B agree (q high) and m falls to the grey baseline.";

    private final PairViewModel model;
    private final BorderPane root = new BorderPane();
    private final ScrollPane page = new ScrollPane(root);
    private final GridPane chartGrid = new GridPane();
    private final OrderParameterChart orderChart = new OrderParameterChart(
            "training images per network  N", 0.5, 8192, "m, q, Q₁", 1.05);
    private final OrderParameterChart gapChart = new OrderParameterChart(
            "training images per network  N", 0.5, 8192, "denoising error per pixel", 1.0);
    private final OrderParameterChart distanceChart = new OrderParameterChart(
            "noise-to-signal ratio  s", 1e-3, 1e4, "mean squared A−B difference", 1.0);
    private final OrderParameterChart lossChart = new OrderParameterChart(
            "training step", 1, 2000, "training loss", 1.0);
    private final ComboBox<String> dataChoice = new ComboBox<>(FXCollections.observableArrayList(
            "Fashion-MNIST", "Power-law fields"));
    private final TextField ladderField = new TextField();
    private final Label explanation = new Label();
    private final Spinner<Integer> stepsSpinner = new Spinner<>(
            (int) ParameterLimits.PAIR_STEPS.min(), (int) ParameterLimits.PAIR_STEPS.max(),
            2000, 100);
    private final Spinner<Integer> channelsSpinner = new Spinner<>(
            (int) ParameterLimits.PAIR_CHANNELS.min(), (int) ParameterLimits.PAIR_CHANNELS.max(),
            16, 1);
    private final Button runButton = new Button("Run");
    private final Button cancelButton = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label regimes = new Label();
    private final ComboBox<Integer> gridChoice = new ComboBox<>();
    private final ImageView gridImage = new ImageView();
    private final PresetNote note = new PresetNote("pair-");
    private ChartViewer[] viewers;
    private boolean presenting;

    PairView(PairViewModel model) {
        this.model = model;
        root.setTop(controls());
        root.setCenter(charts());
        root.setRight(gridPanel());
        // Fills the tab when the window is tall enough, else scrolls: a preset note and the
        // controls must not squeeze the charts below the height their axis labels need.
        // (Not fitToHeight: its scroll bar judges the minimum height without the width, so
        // it missed the wrapped lines of the note and cut the charts off instead.)
        page.setFitToWidth(true);
        root.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> page.getViewportBounds().getHeight(), page.viewportBoundsProperty()));
        page.getStyleClass().add("edge-to-edge");
        model.resultProperty().addListener((obs, old, now) -> showResult(now));
        model.liveLossProperty().addListener((obs, old, now) -> showLoss(now));
        model.gridProperty().addListener((obs, old, now) -> showGrid(now));
        model.settingsProperty().addListener((obs, old, now) -> showSettings(now));
        showSettings(model.settings());
        // The view may be built after the model already holds results.
        showResult(model.resultProperty().get());
        showGrid(model.gridProperty().get());
    }

    PresetNote presetNote() {
        return note;
    }

    /** Shows the title and explanation of a denoiser preset above the settings. */
    void showPreset(org.memoscope.model.Preset preset) {
        note.show(preset);
    }

    Region root() {
        return page;
    }

    OrderParameterChart orderChart() {
        return orderChart;
    }

    /** The viewer of the main chart (m, q and Q₁ against N). */
    ChartViewer orderViewer() {
        return viewers[0];
    }

    /**
     * Presentation mode: large text and thick lines in the four charts, the preset note
     * reduced to its title, a narrower N field so the settings stay on one line, and a sample
     * grid with larger text. Each chart takes a whole row, the main chart with its legend
     * beside the plot, and the page scrolls.
     */
    void setPresentation(boolean on) {
        presenting = on;
        // The explanation gives way to the charts on a projector (F1 explains the same).
        explanation.setVisible(!on);
        explanation.setManaged(!on);
        note.setCompact(on);
        ladderField.setPrefColumnCount(on ? 8 : 18);
        layOutCharts(on);
        showGrid(model.gridProperty().get());
        orderChart.setLegendBeside(on);
        orderChart.setPresentationScale(on ? 2.0f : 1f, on ? 2.2f : 1f);
        for (OrderParameterChart small : List.of(gapChart, distanceChart, lossChart)) {
            small.setPresentationScale(on ? 1.6f : 1f, on ? 2.2f : 1f);
        }
    }

    OrderParameterChart gapChart() {
        return gapChart;
    }

    OrderParameterChart distanceChart() {
        return distanceChart;
    }

    OrderParameterChart lossChart() {
        return lossChart;
    }

    private Region controls() {
        dataChoice.setId("pair-data");
        ladderField.setId("pair-ladder");
        ladderField.setPrefColumnCount(18);
        stepsSpinner.setId("pair-steps");
        stepsSpinner.setEditable(true);
        stepsSpinner.getEditor().setPrefColumnCount(6);
        channelsSpinner.setId("pair-channels");
        channelsSpinner.setEditable(true);
        channelsSpinner.getEditor().setPrefColumnCount(4);
        runButton.setId("pair-run");
        runButton.setDefaultButton(true);
        cancelButton.setId("pair-cancel");
        progress.setId("pair-progress");
        progress.setPrefWidth(220);
        status.setId("pair-status");
        status.setWrapText(true);
        regimes.setId("pair-regimes");
        regimes.setWrapText(true);
        regimes.getStyleClass().add("readout-note");

        runButton.setOnAction(event -> {
            if (readSettings()) {
                model.run();
            }
        });
        cancelButton.setOnAction(event -> model.cancel());
        runButton.disableProperty().bind(model.runningProperty());
        cancelButton.disableProperty().bind(model.runningProperty().not());
        progress.progressProperty().bind(model.progressProperty());
        status.textProperty().bind(model.statusProperty());
        regimes.textProperty().bind(model.regimesProperty());

        // A flow, not a row: with presentation-mode fonts the controls wrap instead of
        // shrinking to ellipses.
        javafx.scene.layout.FlowPane settings = new javafx.scene.layout.FlowPane(8, 6,
                new Label("Data"), dataChoice, new Label("N"), ladderField, new Label("Steps"),
                stepsSpinner, new Label("Channels"), channelsSpinner, runButton, cancelButton);
        settings.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(10, progress, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label explain = explanation;
        explain.setText(EXPLANATION + " Right-click a chart to export it alone.");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("readout-note");
        VBox top = new VBox(6, note.node(), settings, bar, regimes, explain);
        top.setPadding(new Insets(8, 12, 6, 12));
        return top;
    }

    private Region charts() {
        GridPane grid = chartGrid;
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(0, 6, 6, 12));
        viewers = new ChartViewer[] {viewer(orderChart, "pair-order-chart"),
            viewer(gapChart, "pair-gap-chart"), viewer(distanceChart, "pair-distance-chart"),
            viewer(lossChart, "pair-loss-chart")};
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
        }
        layOutCharts(false);
        return grid;
    }

    /**
     * Normally two rows of two charts sharing the height. While presenting, one chart per row
     * across both columns: at projector fonts a half-width chart cut its axis titles and
     * crowded its tick labels. Each row has a least height and the page scrolls.
     */
    private void layOutCharts(boolean presentingLayout) {
        GridPane grid = chartGrid;
        grid.getChildren().clear();
        grid.getRowConstraints().clear();
        double[] rowHeights;
        if (presentingLayout) {
            for (int i = 0; i < viewers.length; i++) {
                grid.add(viewers[i], 0, i, 2, 1);
            }
            rowHeights = new double[] {PRESENTING_MAIN_CHART_HEIGHT, PRESENTING_CHART_MIN_HEIGHT,
                PRESENTING_CHART_MIN_HEIGHT, PRESENTING_CHART_MIN_HEIGHT};
        } else {
            for (int i = 0; i < viewers.length; i++) {
                grid.add(viewers[i], i % 2, i / 2);
            }
            rowHeights = new double[] {CHART_MIN_HEIGHT, CHART_MIN_HEIGHT};
        }
        double least = grid.getPadding().getTop() + grid.getPadding().getBottom()
                + grid.getVgap() * (rowHeights.length - 1);
        for (double height : rowHeights) {
            RowConstraints row = new RowConstraints();
            row.setMinHeight(height);
            row.setPrefHeight(height);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
            least += height;
        }
        // A row's least height alone does not stop a scroll pane from squeezing the grid.
        grid.setMinHeight(least);
    }

    private static ChartViewer viewer(OrderParameterChart chart, String id) {
        chart.moveCursor(Double.NaN, "");
        ChartViewer viewer = ChartViewers.create(chart.chart(), id);
        viewer.setMinSize(200, 150);
        return viewer;
    }

    private Region gridPanel() {
        gridChoice.setId("pair-grid-n");
        gridChoice.setOnAction(event -> {
            Integer chosen = gridChoice.getValue();
            if (chosen != null && chosen != model.gridSampleCount()) {
                model.showGridAt(chosen);
            }
        });
        gridImage.setId("pair-grid-image");
        gridImage.setPreserveRatio(true);
        HBox pick = new HBox(8, new Label("Sample grid at N ="), gridChoice);
        pick.setAlignment(Pos.CENTER_LEFT);
        ScrollPane scroll = new ScrollPane(gridImage);
        scroll.setFitToWidth(true);
        // Natural size (its text in screen pixels) unless the panel is narrower.
        gridImage.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            var image = gridImage.getImage();
            double room = scroll.getViewportBounds().getWidth();
            return image == null || room <= 0 ? 0 : Math.min(image.getWidth(), room);
        }, gridImage.imageProperty(), scroll.viewportBoundsProperty()));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox panel = new VBox(6, pick, scroll);
        panel.setPadding(new Insets(0, 12, 6, 0));
        panel.setPrefWidth(GRID_PANEL_WIDTH);
        return panel;
    }

    /** Copies the controls into the model's settings; false (and a message) if invalid. */
    private boolean readSettings() {
        try {
            model.setSettings(settingsFromControls());
        } catch (IllegalArgumentException bad) {
            regimes.textProperty().unbind();
            regimes.setText(bad.getMessage());
            regimes.getStyleClass().add("error-text");
            boolean ladderIsBad = bad.getMessage().startsWith("N ");
            if (ladderIsBad && !ladderField.getStyleClass().contains("invalid")) {
                ladderField.getStyleClass().add("invalid");
            }
            return false;
        }
        ladderField.getStyleClass().remove("invalid");
        regimes.getStyleClass().removeAll("error-text");
        if (!regimes.textProperty().isBound()) {
            regimes.textProperty().bind(model.regimesProperty());
        }
        return true;
    }

    /**
     * The model's settings with what the controls show.
     *
     * @throws IllegalArgumentException when the N field is not a list of sizes
     */
    PairViewModel.Settings settingsFromControls() {
        int[] ladder;
        try {
            String[] parts = ladderField.getText().strip().split("[,\\s]+");
            ladder = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                ladder[i] = Integer.parseInt(parts[i].strip());
                if (ladder[i] < 1 || ladder[i] > 30_000) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException bad) {
            throw new IllegalArgumentException(
                    "N must be comma-separated integers in 1..30000, e.g. 1,4,16,64");
        }
        String data = dataChoice.getSelectionModel().getSelectedIndex() == 1
                ? PairData.POWER_LAW : PairData.FASHION_MNIST;
        return model.settings().withData(data).withLadder(ladder)
                .withSteps(typedValue(stepsSpinner, "Steps"))
                .withChannels(typedValue(channelsSpinner, "Channels"));
    }

    /**
     * The value typed into {@code spinner}, committed first: an editable spinner keeps typed
     * text uncommitted until Enter or a focus change, so Run read the old value.
     *
     * @throws IllegalArgumentException when the text is no whole number in the spinner's range
     */
    private static int typedValue(Spinner<Integer> spinner, String name) {
        var range = (SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory();
        int low = range.getMin();
        int high = range.getMax();
        String text = spinner.getEditor().getText().strip();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException notWhole) {
            value = Integer.MIN_VALUE;
        }
        if (value < low || value > high) {
            throw new IllegalArgumentException(name + " must be a whole number in " + low + ".."
                    + high + ", got '" + text + "'");
        }
        spinner.getValueFactory().setValue(value);
        return value;
    }

    /** Puts {@code settings} into the controls. */
    void showSettings(PairViewModel.Settings settings) {
        ladderField.getStyleClass().remove("invalid");
        dataChoice.getSelectionModel().select(
                settings.data().equals(PairData.POWER_LAW) ? 1 : 0);
        StringBuilder ladder = new StringBuilder();
        for (int n : settings.ladder()) {
            ladder.append(ladder.length() == 0 ? "" : ",").append(n);
        }
        ladderField.setText(ladder.toString());
        stepsSpinner.getValueFactory().setValue(settings.steps());
        channelsSpinner.getValueFactory().setValue(settings.channels());
    }

    private void showResult(PairExperiment.Result result) {
        if (result == null) {
            return;
        }
        List<PairPoint> points = result.points();
        int count = points.size();
        double[] n = new double[count];
        double[][] values = new double[9][count];
        for (int i = 0; i < count; i++) {
            PairPoint point = points.get(i);
            n[i] = point.sampleCount();
            values[0][i] = point.memorisation().mean();
            values[1][i] = point.memorisation().standardError();
            values[2][i] = point.memorisationBaseline().mean();
            values[3][i] = point.memorisationBaseline().standardError();
            values[4][i] = point.convergence().mean();
            values[5][i] = point.convergence().standardError();
            values[6][i] = point.topRecovery();
            values[7][i] = point.meanTrainError();
            values[8][i] = point.meanTestError();
        }
        List<Line> lines = new ArrayList<>();
        if (result.linear() != null) {
            double[][] linear = new double[3][count];
            for (int i = 0; i < count; i++) {
                DataPoint point = result.linear().points().get(i);
                linear[0][i] = point.memorisation().mean();
                linear[1][i] = point.convergence().mean();
                linear[2][i] = point.latentRecovery().length > 0
                        ? point.latentRecovery(1).mean() : Double.NaN;
            }
            lines.add(new Line("linear model m", Palette.MEMORISATION, true, n, linear[0]));
            lines.add(new Line("linear model q", Palette.CONVERGENCE, true, n, linear[1]));
            lines.add(new Line("linear model Q₁", Palette.recovery(1), true, n, linear[2]));
        }
        if (result.theory() != null) {
            lines.add(new Line("linear theory q (d → ∞)", Palette.CONVERGENCE, false,
                    result.theory().sampleCounts(), result.theory().convergence()));
        }
        double right = Math.max(4, n[count - 1] * 2);
        setDomain(orderChart, 0.5, right);
        orderChart.show(lines, List.of(
                new Points("m (networks)", Palette.MEMORISATION, false, n, values[0],
                        values[1]),
                new Points("baseline: new images", Palette.BASELINE, true, n, values[2],
                        values[3]),
                new Points("q (networks)", Palette.CONVERGENCE, false, n, values[4],
                        values[5]),
                new Points("Q₁ (networks)", Palette.recovery(1), true, n, values[6], null)),
                List.of());

        double top = 0;
        for (int i = 0; i < count; i++) {
            top = Math.max(top, Math.max(values[7][i], values[8][i]));
        }
        setDomain(gapChart, 0.5, right);
        gapChart.setYRange(niceTop(top));
        gapChart.show(List.of(new Line("train", TRAIN, false, n, values[7]),
                new Line("test", TEST, false, n, values[8])), List.of(
                new Points("own training images", TRAIN, false, n, values[7], null),
                new Points("held-out images", TEST, true, n, values[8], null)), List.of());

        List<Line> distances = new ArrayList<>();
        double largest = 0;
        for (int i = 0; i < count; i++) {
            PairPoint point = points.get(i);
            distances.add(new Line("N = " + point.sampleCount(), shade(i, count), false,
                    point.noiseLevels(), point.denoiserDistance()));
            for (double value : point.denoiserDistance()) {
                largest = Math.max(largest, value);
            }
        }
        distanceChart.setYRange(niceTop(largest));
        distanceChart.show(distances, List.of(), List.of());

        showFinalLosses(points);
        gridChoice.getItems().setAll(points.stream().map(PairPoint::sampleCount).toList());
        gridChoice.setValue(model.gridSampleCount());
    }

    private void showFinalLosses(List<PairPoint> points) {
        List<Line> lines = new ArrayList<>();
        double top = 0;
        int steps = 1;
        for (int i = 0; i < points.size(); i++) {
            PairPoint point = points.get(i);
            float[] history = point.firstLoss();
            double[] x = new double[history.length];
            double[] y = new double[history.length];
            for (int k = 0; k < history.length; k++) {
                x[k] = (k + 1) * (double) point.lossWindow();
                y[k] = history[k];
                top = Math.max(top, y[k]);
            }
            steps = Math.max(steps, history.length * point.lossWindow());
            lines.add(new Line("A, N = " + point.sampleCount(), shade(i, points.size()), false,
                    x, y));
        }
        setDomain(lossChart, 1, Math.max(10, steps));
        lossChart.setYRange(niceTop(top));
        lossChart.show(lines, List.of(), List.of());
    }

    private void showLoss(PairExperiment.LiveLoss loss) {
        if (loss == null || !model.runningProperty().get()) {
            return;
        }
        float[] history = loss.history();
        double[] x = new double[history.length];
        double[] y = new double[history.length];
        double top = 0;
        for (int k = 0; k < history.length; k++) {
            x[k] = (k + 1) * (double) loss.lossWindow();
            y[k] = history[k];
            top = Math.max(top, y[k]);
        }
        setDomain(lossChart, 1, Math.max(10, loss.steps()));
        lossChart.setYRange(niceTop(top));
        String key = String.format(Locale.ROOT, "training %s, N = %d (step %d)",
                loss.network() == 0 ? "A" : "B", loss.sampleCount(), loss.step());
        lossChart.show(List.of(new Line(key, loss.network() == 0 ? Palette.CONVERGENCE
                : Palette.MEMORISATION, false, x, y)), List.of(), List.of());
    }

    private void showGrid(SampleGrid grid) {
        if (grid == null) {
            gridImage.setImage(null);
            return;
        }
        String title = String.format(Locale.ROOT, "%s, N = %d", grid.source(),
                grid.sampleCount());
        gridImage.setImage(SwingFXUtils.toFXImage(SampleGridPng.draw(grid, title, GRID_CELL,
                presenting ? PresentationMode.GRID_TEXT_SCALE : 1f), null));
    }

    private static void setDomain(OrderParameterChart chart, double from, double to) {
        chart.chart().getXYPlot().getDomainAxis().setRange(from, to);
    }

    private static double niceTop(double value) {
        if (!(value > 0)) {
            return 1;
        }
        double scale = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (value * 1.05 <= step * scale) {
                return step * scale;
            }
        }
        return 10 * scale;
    }

    /** From blue (first N) to orange (last N). */
    private static Color shade(int index, int count) {
        double t = count <= 1 ? 0 : index / (double) (count - 1);
        Color from = Palette.CONVERGENCE;
        Color to = Palette.MEMORISATION;
        return new Color((int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }
}
