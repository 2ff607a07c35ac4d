package org.memoscope.ui;

import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.control.Tab;
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
 *
 * <p>With the data tabs {@linkplain #attachDataTabs attached}, each action works
 * on the tab that is shown: a data preset or data state text switches to the
 * "Spectra and data" tab, a spiked one to the "Spiked model" tab; copy, save,
 * reset and export act on the selected tab (the "Sample grid" tab exports its
 * grid as PNG, and its state and presets are those of the data tab it shares). A denoiser
 * preset or denoiser state text ({@code view=denoiser}) switches to the "Denoiser pair" tab
 * and only sets its controls, never starting a run; on that tab copy gives its state, reset
 * puts its controls back to their defaults and export writes its chart of m, q and Q₁
 * against N.
 */
final class ExplorerActions {

    /** Layout size of an export when the chart has not been laid out yet. */
    static final int DEFAULT_WIDTH = 1200;
    static final int DEFAULT_HEIGHT = 800;

    private final ExplorerViewModel model;
    private final ExplorerView view;
    private DataTabs data;
    private Tab spikedTab;
    private PairTab pair;

    ExplorerActions(ExplorerViewModel model, ExplorerView view) {
        this.model = model;
        this.view = view;
    }

    /** Lets the actions reach the data tabs; {@code spiked} is the explorer's own tab. */
    void attachDataTabs(DataTabs tabs, Tab spiked) {
        this.data = tabs;
        this.spikedTab = spiked;
    }

    /** Lets the actions reach the "Denoiser pair" tab. */
    void attachPairTab(PairTab tab) {
        this.pair = tab;
    }

    /** True when the "Denoiser pair" tab is the one shown. */
    private boolean onPairTab() {
        return pair != null && pair.isSelected();
    }

    /** True when the "Sample grid" tab is shown, whose export is the grid as PNG. */
    boolean onGridTab() {
        return data != null && data.isGridSelected();
    }

    /** What the Help window should explain: the tab that is shown. */
    ExplanationPane.Topic explanationTopic() {
        if (onPairTab()) {
            return ExplanationPane.Topic.PAIR;
        }
        if (onGridTab()) {
            return ExplanationPane.Topic.GRID;
        }
        return onDataTab() ? ExplanationPane.Topic.DATA : ExplanationPane.Topic.SPIKED;
    }

    /** True when a data tab ("Spectra and data" or "Sample grid") is the one shown. */
    private boolean onDataTab() {
        return data != null && data.isSelected();
    }

    /**
     * Refuses an action on a tab these actions do not cover (one added later), instead of
     * silently acting on the spiked model behind it.
     *
     * @throws IllegalStateException naming the tab and the action
     */
    private void requireCoveredTab(String action) {
        if (spikedTab == null || spikedTab.isSelected() || onDataTab() || onPairTab()
                || spikedTab.getTabPane() == null) {
            return;
        }
        Tab selected = spikedTab.getTabPane().getSelectionModel().getSelectedItem();
        throw new IllegalStateException("the " + (selected == null ? "selected" : "'"
                + selected.getText() + "'") + " tab has no " + action + " yet; switch to the"
                + " Spiked model, Spectra and data or Sample grid tab");
    }

    private void showSpikedTab() {
        if (spikedTab != null && spikedTab.getTabPane() != null) {
            spikedTab.getTabPane().getSelectionModel().select(spikedTab);
        }
    }

    // ---- presets ----------------------------------------------------------------

    /**
     * Shows the preset's tab, moves every control to its values and shows its explanation.
     *
     * @throws IllegalArgumentException when the preset cannot be shown here (a data preset
     *                                  whose dataset is not installed, or no data tabs);
     *                                  nothing changes then
     */
    void apply(Preset preset) {
        if (preset.view().equals(Preset.DENOISER_VIEW)) {
            if (pair == null) {
                throw new IllegalArgumentException("this window has no " + preset.view()
                        + " view for the preset");
            }
            pair.apply(preset);
            return;
        }
        if (!preset.isSpiked()) {
            if (data == null) {
                throw new IllegalArgumentException("this window has no " + preset.view()
                        + " view for the preset");
            }
            data.apply(preset);
            return;
        }
        showSpikedTab();
        model.setParameters(preset.parameters());
        view.showPreset(preset);
    }

    /** Loads the built-in preset {@code name}. */
    Preset applyBuiltIn(String name) throws PresetException {
        Preset preset = PresetCatalog.builtIn(name);
        applyChecked(preset, "built-in preset " + name);
        return preset;
    }

    /** Loads a preset file; on failure nothing changes. */
    Preset applyFile(Path file) throws PresetException {
        Preset preset = PresetJson.read(file);
        applyChecked(preset, file.toString());
        return preset;
    }

    private void applyChecked(Preset preset, String source) throws PresetException {
        try {
            apply(preset);
        } catch (IllegalArgumentException refused) {
            throw new PresetException(source, refused.getMessage(), refused);
        }
    }

    /** Saves the selected tab's parameters as a preset file (replaced atomically). */
    Preset saveAsPreset(Path file, String title, String explanation) throws IOException {
        Preset preset;
        if (onPairTab()) {
            try {
                preset = Preset.denoiser(title.strip(), explanation.strip(), pair.parameters());
            } catch (IllegalArgumentException outOfRange) {
                throw new IllegalStateException("the Denoiser pair settings cannot be saved: "
                        + outOfRange.getMessage(), outOfRange);
            }
            PresetJson.write(file, preset);
            return preset;
        }
        requireCoveredTab("presets");
        preset = onDataTab()
                ? Preset.data(title.strip(), explanation.strip(), data.model().parameters())
                : Preset.spiked(title.strip(), explanation.strip(), model.parameters());
        PresetJson.write(file, preset);
        return preset;
    }

    /** Every control of the selected tab back to its default; its preset note is hidden. */
    void reset() {
        requireCoveredTab("reset");
        if (onPairTab()) {
            pair.reset();
            return;
        }
        if (onDataTab()) {
            data.reset();
            return;
        }
        model.reset();
        view.presetNote().hide();
    }

    // ---- state text ---------------------------------------------------------------

    /** The state text of the selected tab. */
    String stateText() {
        requireCoveredTab("state text");
        if (onPairTab()) {
            return pair.stateText();
        }
        return onDataTab() ? data.stateText() : StateText.format(model.parameters());
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
    Record pasteState() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        String text = clipboard.hasString() ? clipboard.getString() : null;
        if (text == null || text.isBlank()) {
            String example = onDataTab() ? data.stateText()
                    : StateText.format(model.parameters());
            if (onPairTab()) {
                try {
                    example = pair.stateText();
                } catch (IllegalStateException invalidControls) {
                    example = "memoscope:v1;view=denoiser;data=powerlaw;n=1,16,256;steps=500;"
                            + "channels=4;seed=1";
                }
            }
            throw new StateTextException("the clipboard holds no text; copy a state such as "
                    + example + " first");
        }
        return applyState(text);
    }

    /**
     * Restores the view {@code text} describes, switching to its tab; on a bad text nothing
     * changes.
     *
     * @return the parameters restored: {@link ExplorerParameters} or, for a data state,
     *         {@link org.memoscope.model.DataParameters} or, for a denoiser state,
     *         {@link org.memoscope.model.DenoiserParameters}
     */
    Record applyState(String text) {
        if (pair != null && StateText.viewOf(text).equals(Preset.DENOISER_VIEW)) {
            return pair.applyState(text);
        }
        if (data != null && StateText.viewOf(text).equals(Preset.DATA_VIEW)) {
            return data.applyState(text);
        }
        ExplorerParameters parameters = StateText.parse(text);
        showSpikedTab();
        model.setParameters(parameters);
        view.presetNote().hide();
        return parameters;
    }

    // ---- export -------------------------------------------------------------------

    /** The chart as PNG at the on-screen layout size times {@code scale} (1 to 4). */
    void exportPng(Path file, double scale) throws IOException {
        exportPng(file, layoutWidth(), layoutHeight(), scale);
    }

    /**
     * The chart as PNG laid out at {@code width x height}, drawn at {@code scale}; on the
     * "Sample grid" tab, the grid as PNG at its own size (the layout and scale do not apply).
     */
    void exportPng(Path file, int width, int height, double scale) throws IOException {
        if (!(scale >= 1 && scale <= 4)) {
            throw new IllegalArgumentException("the PNG scale must be 1 to 4, got " + scale);
        }
        if (onGridTab()) {
            data.exportGrid(file);
            return;
        }
        export(file, ExportFormat.PNG, width, height, scale);
    }

    /** The chart as SVG at the on-screen layout size (not on the "Sample grid" tab). */
    void exportSvg(Path file) throws IOException {
        export(file, ExportFormat.SVG, layoutWidth(), layoutHeight(), 1);
    }

    /** The plotted series as CSV, headed by the state text (not on the "Sample grid" tab). */
    void exportCsv(Path file) throws IOException {
        export(file, ExportFormat.CSV, layoutWidth(), layoutHeight(), 1);
    }

    private void export(Path file, ExportFormat format, int width, int height, double scale)
            throws IOException {
        requireCoveredTab("export");
        checkExportable(format);
        if (onDataTab()) {
            data.exportChart(file, format, width, height, scale);
            return;
        }
        if (onPairTab()) {
            pair.exportChart(file, format, width, height, scale);
            return;
        }
        ChartExport.write(file, format, view.chart(), model.parameters(), width, height, scale);
    }

    /**
     * Refuses a format the selected tab cannot export, before anyone picks a file name: the
     * "Sample grid" tab exports PNG only.
     *
     * @throws IllegalStateException naming what the tab does export
     */
    void checkExportable(ExportFormat format) {
        if (onGridTab() && format != ExportFormat.PNG) {
            throw new IllegalStateException("the sample grid exports as a PNG image only"
                    + " (File ▸ Export chart as PNG); its numbers are the cosines drawn in it");
        }
    }

    /** The selected tab's chart width on screen, or the default before it is laid out. */
    int layoutWidth() {
        int width = onDataTab() ? data.chartWidth() : onPairTab() ? pair.chartWidth()
                : (int) Math.round(view.chartViewer().getWidth());
        return width >= 100 ? width : DEFAULT_WIDTH;
    }

    int layoutHeight() {
        int height = onDataTab() ? data.chartHeight() : onPairTab() ? pair.chartHeight()
                : (int) Math.round(view.chartViewer().getHeight());
        return height >= 100 ? height : DEFAULT_HEIGHT;
    }
}
