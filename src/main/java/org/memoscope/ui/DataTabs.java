package org.memoscope.ui;

import java.io.File;
import java.util.List;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.memoscope.data.DatasetCatalog;

/**
 * The "Spectra and data" and "Sample grid" tabs, which share one {@link DataViewModel}, and
 * the File ▸ Open dataset menu that feeds them.
 */
final class DataTabs implements AutoCloseable {

    private final DataViewModel model = new DataViewModel();
    private final DataView dataView = new DataView(model);
    private final SampleGridView gridView = new SampleGridView(model);
    private final Tab dataTab = new Tab("Spectra and data", dataView.root());
    private final Tab gridTab = new Tab("Sample grid", gridView.root());

    DataTabs() {
        dataTab.setId("tab-data");
        dataTab.setClosable(false);
        gridTab.setId("tab-grid");
        gridTab.setClosable(false);
    }

    List<Tab> tabs() {
        return List.of(dataTab, gridTab);
    }

    DataViewModel model() {
        return model;
    }

    DataView dataView() {
        return dataView;
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
        dataTab.getTabPane().getSelectionModel().select(dataTab);
        open.run();
    }

    @Override
    public void close() {
        model.close();
    }
}
