package org.memoscope.ui;

import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.control.Tab;

import org.memoscope.diffusion.PairData;
import org.memoscope.io.ChartExport;
import org.memoscope.io.ExportFormat;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.Preset;

/**
 * The "Denoiser pair" tab: its {@link PairViewModel} and {@link PairView}, and what the
 * window's menus do on it: apply a denoiser preset or state text (controls only, never a
 * run), read its controls back for Save as preset and Copy state, reset its controls,
 * presentation mode, and export its main chart. Called on the FX thread.
 *
 * <p>The view is built when the tab is first shown or an action needs it (a preset, a
 * state text, an export), so that opening the window does not wait for it.
 */
final class PairTab implements AutoCloseable {

    private final PairViewModel model;
    private final Tab tab;
    private PairView view;
    private boolean presenting;

    PairTab() {
        this(new PairViewModel());
    }

    /** A tab over {@code model} (tests give one reading an empty data folder). */
    PairTab(PairViewModel model) {
        this.model = model;
        this.tab = new Tab("Denoiser pair");
        tab.setId("tab-pair");
        tab.setClosable(false);
        tab.selectedProperty().addListener((obs, was, selected) -> {
            if (selected) {
                view();
            }
        });
    }

    Tab tab() {
        return tab;
    }

    PairViewModel model() {
        return model;
    }

    /** The tab's view, built now if the tab has not been shown yet. */
    PairView view() {
        if (view == null) {
            view = new PairView(model);
            view.setPresentation(presenting);
            tab.setContent(view.root());
        }
        return view;
    }

    boolean isSelected() {
        return tab.isSelected();
    }

    /**
     * Shows this tab with the preset's settings in its controls and its note above them. It
     * does not train: the user presses Run.
     *
     * @throws IllegalArgumentException when the preset's data set is not on this machine
     *                                  (nothing changes then)
     */
    void apply(Preset preset) {
        DenoiserParameters p = preset.denoiserParameters();
        model.requireData(p.data());
        show(p);
        view().showPreset(preset);
    }

    /**
     * Shows this tab with the settings a {@code view=denoiser} state text describes; it does
     * not train and hides the preset note.
     *
     * @throws StateTextException when the text is bad or names data not on this machine
     *                            (nothing changes then)
     */
    DenoiserParameters applyState(String text) {
        DenoiserParameters p = StateText.parseDenoiser(text);
        try {
            model.requireData(p.data());
        } catch (IllegalArgumentException absent) {
            throw new StateTextException("state text: " + absent.getMessage());
        }
        show(p);
        view().presetNote().hide();
        return p;
    }

    /**
     * The state text of the settings the controls hold.
     *
     * @throws IllegalStateException when a control holds a value out of range
     */
    String stateText() {
        try {
            return StateText.format(parameters());
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalStateException("the Denoiser pair settings have no state text: "
                    + outOfRange.getMessage(), outOfRange);
        }
    }

    /** Every control back to its default and the preset note hidden; nothing runs. */
    void reset() {
        model.resetSettings();
        if (view != null) {
            view.showSettings(model.settings());
            view.presetNote().hide();
        }
    }

    void setPresentation(boolean on) {
        presenting = on;
        if (view != null) {
            view.setPresentation(on);
        }
    }

    /**
     * The main chart (m, q and Q₁ against N) as PNG, SVG or CSV; the CSV is headed by the state
     * text of the run whose result is drawn (before any result, of the settings the controls
     * hold, or of the model's settings if a control is invalid).
     */
    void exportChart(Path file, ExportFormat format, int width, int height, double scale)
            throws IOException {
        DenoiserParameters state;
        PairViewModel.Settings shown = model.displayedSettings();
        if (shown != null) {
            state = parametersOf(shown);
        } else {
            try {
                state = parameters();
            } catch (IllegalArgumentException invalid) {
                state = parametersOf(model.settings());
            }
        }
        ChartExport.write(file, format, view().orderChart(), state, width, height, scale);
    }

    private static DenoiserParameters parametersOf(PairViewModel.Settings settings) {
        return new DenoiserParameters(settings.data(), settings.ladder(), settings.steps(),
                settings.channels(), settings.seed());
    }

    /** The main chart's width on screen, or 0 before it is laid out. */
    int chartWidth() {
        return view == null || view.orderViewer() == null ? 0
                : (int) Math.round(view.orderViewer().getWidth());
    }

    int chartHeight() {
        return view == null || view.orderViewer() == null ? 0
                : (int) Math.round(view.orderViewer().getHeight());
    }

    private void show(DenoiserParameters p) {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
        model.setSettings(model.settings().withData(p.data().equals(DenoiserParameters.POWER_LAW)
                ? PairData.POWER_LAW : PairData.FASHION_MNIST).withLadder(p.sampleCounts())
                .withSteps(p.steps()).withChannels(p.channels()).withSeed(p.seed()));
        view().showSettings(model.settings());
    }

    /**
     * The settings the controls hold, as a preset would keep them (the model's settings
     * while the view is not built: its controls would show those).
     *
     * @throws IllegalArgumentException when a control holds a value out of range
     */
    DenoiserParameters parameters() {
        PairViewModel.Settings s = view == null ? model.settings() : view.settingsFromControls();
        return new DenoiserParameters(s.data(), s.ladder(), s.steps(), s.channels(), s.seed());
    }

    @Override
    public void close() {
        model.close();
    }
}
