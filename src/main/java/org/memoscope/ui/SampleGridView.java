package org.memoscope.ui;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.memoscope.io.SampleGridPng;
import org.memoscope.model.DataParameters;
import org.memoscope.sim.SampleGrid;

/**
 * The "Sample grid" view: for a few seeds, model A's and model B's samples (same seed) and
 * each one's nearest training image, with the cosines, at the n set by the load slider. As n
 * grows the samples go from copies of training images to the two models agreeing. While a new
 * grid is computed the previous one stays, dimmed, under a "computing" line; errors (a dataset
 * that failed to open) show above it.
 */
final class SampleGridView {

    private final DataViewModel model;
    private final BorderPane root = new BorderPane();
    private final ImageView image = new ImageView();
    private final Label caption = new Label();
    private final Label capNote = new Label();
    private final Label error = new Label();
    private final Label computing = new Label();
    private final HBox computingLine;
    private final ParameterControl load;
    /** What a row of the grid shows; also the Help window's text for this tab. */
    static final String EXPLANATION = "Each row: one seed. Left pair: model A's sample and its"
            + " nearest training image; right pair: model B's, trained on different"
            + " images. Small n: samples copy training images (cosine to nearest ≈ 1)."
            + " Large n: A and B agree with each other (high cos A·B) and copy nothing.";

    private final Label explain;
    private final ScrollPane scroll;
    private boolean pushing;
    private boolean presenting;

    SampleGridView(DataViewModel model) {
        this.model = model;
        load = new ParameterControl("Load  γ = n/d", "Training images per model over the"
                + " dimension; the grid is drawn at n = γd.", 1e-3, 1e2,
                model.parameters().loadRatio(), true, false, ParameterControl::formatLoad);
        load.slider().setId("grid-load-slider");
        load.field().setId("grid-load-field");
        load.valueProperty().addListener((obs, old, now) -> {
            if (!pushing) {
                model.setLoadRatio(now.doubleValue());
            }
        });
        model.parametersProperty().addListener((obs, old, now) -> {
            pushing = true;
            try {
                load.setValue(now.loadRatio());
            } finally {
                pushing = false;
            }
            showCaption();
        });
        model.gridProperty().addListener((obs, old, now) -> showGrid(now));
        model.sourceProperty().addListener((obs, old, now) -> showCaption());
        model.preparingProperty().addListener((obs, old, now) -> showCaption());
        model.gridComputingProperty().addListener((obs, old, now) -> showCaption());
        model.statusProperty().addListener((obs, old, now) -> showCaption());

        image.setId("sample-grid-image");
        image.setPreserveRatio(true);
        caption.setId("sample-grid-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        capNote.setId("sample-grid-cap");
        capNote.setWrapText(true);
        capNote.setMinHeight(Region.USE_PREF_SIZE);
        capNote.getStyleClass().add("readout-note");
        capNote.managedProperty().bind(capNote.textProperty().isNotEmpty());
        capNote.visibleProperty().bind(capNote.managedProperty());
        error.setId("grid-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        computing.setId("sample-grid-computing");
        computingLine = new HBox(8, spinner, computing);
        computingLine.setAlignment(Pos.CENTER_LEFT);
        explain = new Label(EXPLANATION);
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);
        explain.getStyleClass().add("readout-note");

        VBox top = new VBox(6, load.node(), caption, capNote, error, computingLine, explain);
        top.setPadding(new Insets(10, 12, 6, 12));
        top.setMaxWidth(900);
        scroll = new ScrollPane(new HBox(image));
        scroll.setFitToWidth(true);
        ((HBox) scroll.getContent()).setAlignment(Pos.TOP_CENTER);
        root.setTop(top);
        root.setCenter(scroll);
        showCaption();
        // Built when its tab is first shown, maybe after the model has made a grid already.
        showGrid(model.gridProperty().get());
    }

    Region root() {
        return root;
    }

    ImageView image() {
        return image;
    }

    /**
     * Presentation mode: hides the paragraph of explanation, draws the grid's text larger and
     * enlarges the grid to the height of the window when there is room, never below its
     * natural size (shrinking it to show every row made the captions too small to read from
     * the back of a room; the rows scroll instead); off restores the natural size.
     */
    void setPresentation(boolean on) {
        presenting = on;
        showGrid(model.gridProperty().get());
        explain.setVisible(!on);
        explain.setManaged(!on);
        image.fitHeightProperty().unbind();
        if (on) {
            image.fitHeightProperty().bind(Bindings.createDoubleBinding(
                    () -> Math.max(naturalHeight(), scroll.getViewportBounds().getHeight() - 4),
                    scroll.viewportBoundsProperty(), image.imageProperty()));
        } else {
            image.setFitHeight(0);
        }
    }

    private double naturalHeight() {
        return image.getImage() == null ? 100 : image.getImage().getHeight();
    }

    /** The grid on screen with its title, as the PNG export draws it; null before one is shown. */
    SampleGrid grid() {
        return model.gridProperty().get();
    }

    /** The title the grid is drawn under: its source and n. */
    static String title(SampleGrid grid) {
        return String.format(Locale.ROOT, "%s, n = %d", grid.source(), grid.sampleCount());
    }

    private void showGrid(SampleGrid grid) {
        if (grid == null) {
            image.setImage(null);
        } else {
            image.setImage(SwingFXUtils.toFXImage(SampleGridPng.draw(grid, title(grid),
                    SampleGridPng.TARGET_CELL,
                    presenting ? PresentationMode.GRID_TEXT_SCALE : 1f), null));
        }
        showCaption();
    }

    private void showCaption() {
        var source = model.sourceProperty().get();
        DataParameters p = model.parameters();
        boolean preparing = model.preparingProperty().get();
        boolean waiting = preparing || model.gridComputingProperty().get();
        computingLine.setVisible(waiting);
        computingLine.setManaged(waiting);
        image.setOpacity(waiting ? 0.4 : 1);
        capNote.setText(preparing ? "" : model.sampleCountNote());
        if (preparing) {
            caption.setText("Preparing " + p.describe() + "…");
            computing.setText(image.getImage() == null ? "Reading and analysing the data…"
                    : "Reading and analysing the data… (the grid below is the previous one)");
        } else if (source == null) {
            caption.setText(model.statusProperty().get());
        } else if (!source.isImage()) {
            caption.setText("The abstract power-law spectrum has no images: choose power-law"
                    + " image fields or a dataset in the Spectra and data tab.");
        } else {
            caption.setText(String.format(Locale.ROOT, "%s: n = %d training images per model"
                    + " (d = %d)", source.description(), model.cursorSampleCount(),
                    source.dimension()));
            computing.setText(String.format(Locale.ROOT, "Computing the grid at n = %d…%s",
                    model.cursorSampleCount(), image.getImage() == null ? ""
                            : " (the grid below is the previous one)"));
        }
    }
}
