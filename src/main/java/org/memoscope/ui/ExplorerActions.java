package org.memoscope.ui;

import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import org.memoscope.io.ChartExport;
import org.memoscope.io.ExportFormat;
import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.PresetJson;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;

/**
 * What the explorer's menus do, without any dialog: load and save presets, copy
 * and paste the state text through the clipboard, and export the chart. Every
 * file operation takes a {@link Path} (the menus ask for one first) and throws
 * on failure with a message fit for the user; exports and saved presets are
 * written atomically. Called on the FX thread.
 */
final class ExplorerActions {

    /** Layout size of an export when the chart has not been laid out yet. */
    static final int DEFAULT_WIDTH = 1200;
    static final int DEFAULT_HEIGHT = 800;

    private final ExplorerViewModel model;
    private final ExplorerView view;

    ExplorerActions(ExplorerViewModel model, ExplorerView view) {
        this.model = model;
        this.view = view;
    }

    // ---- presets ----------------------------------------------------------------

    /** Moves every control to the preset's values and shows its explanation. */
    void apply(Preset preset) {
        model.setParameters(preset.parameters());
        view.showPreset(preset);
    }

    /** Loads the built-in preset {@code name}. */
    Preset applyBuiltIn(String name) throws PresetException {
        Preset preset = PresetCatalog.builtIn(name);
        apply(preset);
        return preset;
    }

    /** Loads a preset file; on failure nothing changes. */
    Preset applyFile(Path file) throws PresetException {
        Preset preset = PresetJson.read(file);
        apply(preset);
        return preset;
    }

    /** Saves the current parameters as a preset file (replaced atomically). */
    Preset saveAsPreset(Path file, String title, String explanation) throws IOException {
        Preset preset = Preset.spiked(title.strip(), explanation.strip(), model.parameters());
        PresetJson.write(file, preset);
        return preset;
    }

    /** Every control back to its default; the preset note is hidden. */
    void reset() {
        model.reset();
        view.presetNote().hide();
    }

    // ---- state text ---------------------------------------------------------------

    /** The state text of the current view. */
    String stateText() {
        return StateText.format(model.parameters());
    }

    /** Puts the state text on the clipboard and returns it. */
    String copyState() {
        String text = stateText();
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        return text;
    }

    /**
     * Restores the view the clipboard's state text describes.
     *
     * @throws StateTextException when the clipboard holds no state text, naming why
     */
    ExplorerParameters pasteState() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String text = clipboard.hasString() ? clipboard.getString() : null;
        if (text == null || text.isBlank()) {
            throw new StateTextException("the clipboard holds no text; copy a state such as "
                    + stateText() + " first");
        }
        return applyState(text);
    }

    /** Restores the view {@code text} describes; on a bad text nothing changes. */
    ExplorerParameters applyState(String text) {
        ExplorerParameters parameters = StateText.parse(text);
        model.setParameters(parameters);
        view.presetNote().hide();
        return parameters;
    }

    // ---- export -------------------------------------------------------------------

    /** The chart as PNG at the on-screen layout size times {@code scale} (1 to 4). */
    void exportPng(Path file, double scale) throws IOException {
        exportPng(file, layoutWidth(), layoutHeight(), scale);
    }

    /** The chart as PNG laid out at {@code width x height}, drawn at {@code scale}. */
    void exportPng(Path file, int width, int height, double scale) throws IOException {
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("the PNG scale must be 1 to 4, got " + scale);
        }
        export(file, ExportFormat.PNG, width, height, scale);
    }

    /** The chart as SVG at the on-screen layout size. */
    void exportSvg(Path file) throws IOException {
        export(file, ExportFormat.SVG, layoutWidth(), layoutHeight(), 1);
    }

    /** The plotted series as CSV, headed by the state text. */
    void exportCsv(Path file) throws IOException {
        export(file, ExportFormat.CSV, layoutWidth(), layoutHeight(), 1);
    }

    private void export(Path file, ExportFormat format, int width, int height, double scale)
            throws IOException {
        ChartExport.write(file, format, view.chart(), model.parameters(), width, height, scale);
    }

    /** The chart's width on screen, or the default before it is laid out. */
    int layoutWidth() {
        int width = (int) Math.round(view.chartViewer().getWidth());
        return width >= 100 ? width : DEFAULT_WIDTH;
    }

    int layoutHeight() {
        int height = (int) Math.round(view.chartViewer().getHeight());
        return height >= 100 ? height : DEFAULT_HEIGHT;
    }
}
