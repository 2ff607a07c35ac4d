package org.memoscope.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.memoscope.data.DatasetCatalog;
import org.memoscope.io.AtomicFiles;
import org.memoscope.io.ChartExport;
import org.memoscope.io.ExportFormat;
import org.memoscope.io.SampleGridPng;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.DataParameters;
import org.memoscope.model.Preset;
import org.memoscope.sim.SampleGrid;

/**
 * The "Spectra and data" and "Sample grid" tabs, which share one {@link DataViewModel}, and
 * the File ▸ Open dataset menu that feeds them; and what the window's menus do on these tabs:
 * apply a data preset or state text, reset, presentation mode, export the chart or the grid.
 * Called on the FX thread.
 *
 * <p>The two views are built when their tab is first shown, or when an action needs one
 * (a preset's note, an export of the chart), so that opening the window does not wait
 * for tabs nobody has looked at; the shared model exists from the start.
 */
final class DataTabs implements AutoCloseable {

    private final DataViewModel model = new DataViewModel(false);
    private final Tab dataTab = new Tab("Spectra and data");
    private final Tab gridTab = new Tab("Sample grid");
    private DataView dataView;
    private SampleGridView gridView;
    private boolean presenting;

    DataTabs() {
        dataTab.setId("tab-data");
        dataTab.setClosable(false);
        gridTab.setId("tab-grid");
        gridTab.setClosable(false);
        dataTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                dataView();
                model.activate();
            }
        });
        gridTab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                gridView();
                model.activate();
            }
        });
    }

    List<Tab> tabs() {
        return List.of(dataTab, gridTab);
    }

    DataViewModel model() {
        return model;
    }

    /** The "Spectra and data" view, built now if its tab has not been shown yet. */
    DataView dataView() {
        if (dataView == null) {
            dataView = new DataView(model);
            dataView.setPresentation(presenting);
            dataTab.setContent(dataView.root());
        }
        return dataView;
    }

    /** The "Sample grid" view, built now if its tab has not been shown yet. */
    SampleGridView gridView() {
        if (gridView == null) {
            gridView = new SampleGridView(model);
            gridView.setPresentation(presenting);
            gridTab.setContent(gridView.root());
        }
        return gridView;
    }

    /** Hides the data tab's preset note; a view not built yet shows none. */
    private void hidePresetNote() {
        if (dataView != null) {
            dataView.presetNote().hide();
        }
    }

    Tab dataTab() {
        return dataTab;
    }

    Tab gridTab() {
        return gridTab;
    }

    /** True when the "Sample grid" tab is the one shown. */
    boolean isGridSelected() {
        return gridTab.isSelected();
    }

    /** True when either of these tabs is the one shown. */
    boolean isSelected() {
        return dataTab.isSelected() || gridTab.isSelected();
    }

    // ---- presets, state, reset, presentation ------------------------------------------------

    /**
     * Shows the "Spectra and data" tab with the preset's parameters and its note.
     *
     * @throws IllegalArgumentException when the preset's dataset is not on this machine
     *                                  (nothing changes then)
     */
    void apply(Preset preset) {
        DataParameters parameters = preset.dataParameters();
        checkDataset(parameters);
        select(dataTab);
        model.setParameters(parameters);
        dataView().showPreset(preset);
    }

    /**
     * Restores the view a data state text describes, showing the grid tab if it is the one
     * shown, else the data tab.
     *
     * @throws StateTextException when the text is bad or names a dataset not on this machine
     */
    DataParameters applyState(String text) {
        DataParameters parameters = StateText.parseData(text);
        try {
            checkDataset(parameters);
        } catch (IllegalArgumentException absent) {
            throw new StateTextException("state text: " + absent.getMessage());
        }
        if (!isGridSelected()) {
            select(dataTab);
        }
        model.setParameters(parameters);
        hidePresetNote();
        return parameters;
    }

    /** The state text of both tabs. */
    String stateText() {
        return StateText.format(model.parameters());
    }

    /** Every control of both tabs back to its default; the preset note is hidden. */
    void reset() {
        model.reset();
        hidePresetNote();
    }

    void setPresentation(boolean on) {
        presenting = on;
        if (dataView != null) {
            dataView.setPresentation(on);
        }
        if (gridView != null) {
            gridView.setPresentation(on);
        }
    }

    /** A dataset the parameters show must exist: fail now rather than after switching. */
    private void checkDataset(DataParameters parameters) {
        if (parameters.kind() == DataParameters.Kind.DATASET
                && !parameters.datasetPath().isEmpty()) {
            DataViewModel.datasetLocation(model.catalog(), parameters.datasetPath());
        }
    }

    private static void select(Tab tab) {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
    }

    // ---- export -----------------------------------------------------------------------------

    /** The main "Spectra and data" chart as PNG, SVG or CSV of its plotted series. */
    void exportChart(Path file, ExportFormat format, int width, int height, double scale)
            throws IOException {
        String source = model.sourceProperty().get() == null ? model.parameters().describe()
                : model.sourceProperty().get().description() + " (d = "
                + model.sourceProperty().get().dimension() + ")";
        ChartExport.write(file, format, dataView().chart(), model.shownParameters(), source,
                width, height, scale);
    }

    /**
     * The sample grid as the PNG the tab shows.
     *
     * @throws IllegalStateException when there is no grid yet (still computing, or no images)
     */
    void exportGrid(Path file) throws IOException {
        SampleGrid grid = model.gridProperty().get();
        if (grid == null) {
            throw new IllegalStateException("there is no sample grid to export yet: it is"
                    + " still being computed, or the data (an abstract spectrum) have no images");
        }
        AtomicFiles.write(file, SampleGridPng.encode(grid, SampleGridView.title(grid)));
    }

    /** The main chart's width on screen, or 0 before it is built and laid out. */
    int chartWidth() {
        return dataView == null ? 0 : (int) Math.round(dataView.chartViewer().getWidth());
    }

    int chartHeight() {
        return dataView == null ? 0 : (int) Math.round(dataView.chartViewer().getHeight());
    }

    /** Installed datasets (when present), then any IDX file or image folder. */
    Menu openDatasetMenu(Window owner) {
        Menu open = new Menu("Open dataset");
        for (DatasetCatalog.Entry entry : DatasetCatalog.system().available()) {
            MenuItem item = new MenuItem(entry.title());
            item.setOnAction(event -> show(() -> model.openDataset(entry.images())));
            open.getItems().add(item);
        }
        if (!open.getItems().isEmpty()) {
            open.getItems().add(new SeparatorMenuItem());
        }
        MenuItem file = new MenuItem("IDX file…");
        file.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open an IDX image file (plain or .gz)");
            File chosen = chooser.showOpenDialog(owner);
            if (chosen != null) {
                show(() -> model.openDataset(chosen.toPath()));
            }
        });
        MenuItem folder = new MenuItem("Folder of images…");
        folder.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a folder of PNG/JPEG images of one size");
            File chosen = chooser.showDialog(owner);
            if (chosen != null) {
                show(() -> model.openDataset(chosen.toPath()));
            }
        });
        open.getItems().addAll(file, folder);
        return open;
    }

    private void show(Runnable open) {
        select(dataTab);
        hidePresetNote();
        open.run();
    }

    @Override
    public void close() {
        model.close();
    }
}
