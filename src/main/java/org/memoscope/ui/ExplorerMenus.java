package org.memoscope.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

import org.memoscope.io.ExportFormat;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.StateTextException;

/**
 * The explorer's menu items and the dialogs in front of them: presets, the
 * state text, exports, presentation mode and the explanation of the curves.
 * The work itself is done by {@link ExplorerActions}; this class asks for file
 * names and reports failures in a dialog, so a failed action leaves the window
 * as it was and usable.
 *
 * <p>Shortcuts ("Shortcut" is Ctrl, or Command on a Mac): Ctrl+O open preset,
 * Ctrl+S save as preset, Ctrl+Shift+C / Ctrl+Shift+V copy / paste the state,
 * Ctrl+E PNG, Ctrl+Shift+E PNG at 2x, Ctrl+G SVG, Ctrl+T CSV, F5 presentation
 * mode, F11 full screen, F1 the explanation.
 */
final class ExplorerMenus {

    private static final System.Logger LOG = System.getLogger(ExplorerMenus.class.getName());

    private final Stage stage;
    private final ExplorerActions actions;
    private final PresentationMode presentation;
    private Path lastFolder;
    private Stage explanationWindow;

    ExplorerMenus(Stage stage, ExplorerActions actions, PresentationMode presentation) {
        this.stage = stage;
        this.actions = actions;
        this.presentation = presentation;
        // An open Help window takes the presentation style as the main window does.
        presentation.register(on -> copyMainStyle());
    }

    /** File menu entries above "Reset all": presets and exports. */
    List<MenuItem> fileItems() {
        Menu builtIns = new Menu("Presets");
        builtIns.setId("menu-presets");
        // Reading every preset for its title is the JSON parser's first use, a noticeable
        // part of opening the window: it waits until the menu above (File) first opens.
        builtIns.addEventHandler(Menu.ON_SHOWING, event -> fillPresets(builtIns));
        builtIns.parentMenuProperty().addListener((obs, old, parent) -> {
            if (parent != null) {
                parent.addEventHandler(Menu.ON_SHOWING, event -> fillPresets(builtIns));
            }
        });
        MenuItem open = item("Open preset…", "Shortcut+O", this::openPreset);
        MenuItem save = item("Save as preset…", "Shortcut+S", this::savePreset);

        Menu png = new Menu("Export chart as PNG");
        for (int scale = 1; scale <= 4; scale++) {
            int factor = scale;
            String keys = scale == 1 ? "Shortcut+E" : scale == 2 ? "Shortcut+Shift+E" : null;
            MenuItem item = item(scale + "x…", keys, () -> exportPng(factor));
            item.setId("export-png-" + scale);
            png.getItems().add(item);
        }
        png.setOnShowing(event -> {
            for (int scale = 1; scale <= 4; scale++) {
                png.getItems().get(scale - 1).setText(actions.onGridTab()
                        ? scale + "x… (the sample grid at its own size)"
                        : scale + "x (" + scale * actions.layoutWidth() + " × "
                        + scale * actions.layoutHeight() + " px)…");
            }
        });
        MenuItem svg = item("Export chart as SVG…", "Shortcut+G",
                () -> export(ExportFormat.SVG, 1));
        MenuItem csv = item("Export plotted data as CSV…", "Shortcut+T",
                () -> export(ExportFormat.CSV, 1));
        return List.of(builtIns, open, save, new SeparatorMenuItem(), png, svg, csv,
                new SeparatorMenuItem());
    }

    /** The Edit menu: copy and paste the state text. */
    Menu editMenu() {
        MenuItem copy = item("Copy state", "Shortcut+Shift+C", this::copyState);
        copy.setId("copy-state");
        MenuItem paste = item("Paste state", "Shortcut+Shift+V", this::pasteState);
        paste.setId("paste-state");
        return new Menu("_Edit", null, copy, paste);
    }

    /** The View menu: presentation mode and full screen. */
    Menu viewMenu() {
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setId("presentation");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.selectedProperty().bindBidirectional(presentation.activeProperty());

        CheckMenuItem fullScreen = new CheckMenuItem("Full screen");
        fullScreen.setId("full-screen");
        fullScreen.setAccelerator(KeyCombination.keyCombination("F11"));
        fullScreen.setOnAction(event -> stage.setFullScreen(fullScreen.isSelected()));
        stage.fullScreenProperty().addListener((obs, was, now) -> fullScreen.setSelected(now));
        stage.setFullScreenExitHint("Press F11 or Escape to leave full screen");
        return new Menu("_View", null, present, fullScreen);
    }

    /** The Help menu entry that opens the explanation of the curves. */
    MenuItem explanationItem() {
        MenuItem item = item("What the curves mean", "F1", this::showExplanation);
        item.setId("explanation-item");
        return item;
    }

    // ---- presets ----------------------------------------------------------------

    /** One item per built-in preset, grouped by view; done once. */
    private void fillPresets(Menu builtIns) {
        if (!builtIns.getItems().isEmpty()) {
            return;
        }
        String lastView = null;
        for (String name : PresetCatalog.builtInNames()) {
            String view = viewOf(name);
            if (lastView != null && !lastView.equals(view)) {
                builtIns.getItems().add(new SeparatorMenuItem());
            }
            lastView = view;
            MenuItem item = new MenuItem(titleOf(name));
            item.setId("preset-" + name);
            item.setMnemonicParsing(false);
            item.setOnAction(event -> loadBuiltIn(name));
            builtIns.getItems().add(item);
        }
    }

    private void loadBuiltIn(String name) {
        try {
            actions.applyBuiltIn(name);
        } catch (PresetException broken) {
            fail("Cannot load the preset", broken.getMessage());
        }
    }

    private void openPreset() {
        FileChooser chooser = chooser("Open a preset", "Presets (*.json)", "*.json");
        File file = chooser.showOpenDialog(stage);
        if (file == null) {
            return;
        }
        remember(file);
        try {
            actions.applyFile(file.toPath());
        } catch (PresetException broken) {
            LOG.log(System.Logger.Level.WARNING, "preset not loaded: {0}", broken.getMessage());
            fail("Cannot load the preset", broken.getMessage());
        }
    }

    private void savePreset() {
        String state;
        try {
            state = actions.stateText();
        } catch (IllegalStateException refused) {
            fail("Cannot save a preset", refused.getMessage());
            return;
        }
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Save as preset");
        dialog.setHeaderText("Save the current parameters as a preset");
        TextField title = new TextField("My preset");
        title.setId("preset-title-field");
        TextArea explanation = new TextArea(summary(state));
        explanation.setWrapText(true);
        explanation.setPrefRowCount(5);
        VBox form = new VBox(6, new Label("Title"), title,
                new Label("What to look for (one paragraph)"), explanation);
        form.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        if (title.getText().isBlank() || explanation.getText().isBlank()) {
            fail("Cannot save the preset", "A preset needs a title and an explanation.");
            return;
        }
        FileChooser chooser = chooser("Save the preset", "Presets (*.json)", "*.json");
        chooser.setInitialFileName(fileNameOf(title.getText()) + ".json");
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        remember(file);
        try {
            actions.saveAsPreset(file.toPath(), title.getText(), explanation.getText());
        } catch (IOException | IllegalArgumentException failure) {
            fail("Cannot save the preset", describe(file.toPath(), failure));
        }
    }

    private void copyState() {
        try {
            actions.copyState();
        } catch (IllegalStateException refused) {
            fail("Cannot copy the state", refused.getMessage());
        }
    }

    private void pasteState() {
        try {
            actions.pasteState();
        } catch (StateTextException bad) {
            fail("Cannot paste the state", bad.getMessage());
        }
    }

    // ---- export -------------------------------------------------------------------

    private void exportPng(int scale) {
        export(ExportFormat.PNG, scale);
    }

    private void export(ExportFormat format, int scale) {
        try {
            actions.checkExportable(format);
        } catch (IllegalStateException refused) {
            fail("Cannot export", refused.getMessage());
            return;
        }
        FileChooser chooser = chooser("Export " + format.description(), format.description(),
                "*." + format.extension());
        String name = actions.onGridTab() ? "memoscope-grid" : "memoscope";
        chooser.setInitialFileName(name + (scale > 1 && !actions.onGridTab() ? "@" + scale + "x"
                : "") + "." + format.extension());
        File file = chooser.showSaveDialog(stage);
        if (file == null) {
            return;
        }
        remember(file);
        Path path = file.toPath();
        try {
            switch (format) {
                case PNG -> actions.exportPng(path, scale);
                case SVG -> actions.exportSvg(path);
                case CSV -> actions.exportCsv(path);
                default -> throw new IllegalStateException(format.name());
            }
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "export to {0} failed: {1}", path, failure);
            fail("Cannot export", describe(path, failure));
        }
    }

    // ---- help ---------------------------------------------------------------------

    private void showExplanation() {
        if (explanationWindow == null) {
            explanationWindow = new Stage();
            explanationWindow.initOwner(stage);
            Scene scene = new Scene(ExplanationPane.create(), 620, 640);
            scene.getStylesheets().addAll(stage.getScene().getStylesheets());
            scene.setOnKeyPressed(event -> {
                if (event.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                    explanationWindow.hide();
                }
            });
            explanationWindow.setScene(scene);
        }
        showExplanationTopic();
        explanationWindow.show();
        explanationWindow.toFront();
    }

    /** Refills an open Help window with the text about the tab now shown. */
    void tabChanged() {
        if (explanationWindow != null && explanationWindow.isShowing()) {
            showExplanationTopic();
        }
    }

    private void showExplanationTopic() {
        ExplanationPane.Topic topic = actions.explanationTopic();
        explanationWindow.setTitle("What the curves mean — " + topic.tabName());
        Scene scene = explanationWindow.getScene();
        scene.setRoot(ExplanationPane.create(topic));
        copyMainStyle();
    }

    /** Gives the Help window's content the main window's style classes (presentation). */
    private void copyMainStyle() {
        if (explanationWindow != null) {
            explanationWindow.getScene().getRoot().getStyleClass()
                    .setAll(stage.getScene().getRoot().getStyleClass());
        }
    }

    // ---- helpers ------------------------------------------------------------------

    private MenuItem item(String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setMnemonicParsing(false);
        if (keys != null) {
            item.setAccelerator(KeyCombination.keyCombination(keys));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private FileChooser chooser(String title, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        if (lastFolder != null && lastFolder.toFile().isDirectory()) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    private void remember(File file) {
        Path parent = file.toPath().toAbsolutePath().getParent();
        if (parent != null) {
            lastFolder = parent;
        }
    }

    private void fail(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.setContentText(message);
        alert.show();
    }

    private static String titleOf(String name) {
        try {
            return PresetCatalog.builtIn(name).title();
        } catch (PresetException broken) {
            LOG.log(System.Logger.Level.WARNING, "built-in preset unreadable: {0}",
                    broken.getMessage());
            return name + " (unreadable)";
        }
    }

    /** The view a built-in preset is for, or "" when it cannot be read. */
    private static String viewOf(String name) {
        try {
            return PresetCatalog.builtIn(name).view();
        } catch (PresetException broken) {
            return "";
        }
    }

    /** "cannot write /x/y.png: permission denied" style messages. */
    static String describe(Path path, Exception failure) {
        String reason;
        if (failure instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof java.nio.file.NoSuchFileException) {
            Path folder = path.toAbsolutePath().getParent();
            reason = folder != null && !java.nio.file.Files.isDirectory(folder)
                    ? "the folder does not exist" : "this folder does not accept new files";
        } else if (failure instanceof java.nio.file.FileSystemException fs
                && fs.getReason() != null) {
            reason = fs.getReason();
        } else {
            reason = failure.getMessage() == null ? failure.getClass().getSimpleName()
                    : failure.getMessage();
        }
        return "Cannot write " + path + ": " + reason + ". Nothing was written.";
    }

    private static String summary(String stateText) {
        return "Saved from the explorer (" + stateText + "). Describe here what to look for.";
    }

    private static String fileNameOf(String title) {
        String name = title.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return name.isEmpty() ? "preset" : name;
    }
}
