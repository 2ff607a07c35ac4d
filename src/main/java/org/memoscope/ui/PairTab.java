package org.memoscope.ui;

import javafx.scene.control.Tab;

import org.memoscope.diffusion.PairData;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.Preset;

/**
 * The "Denoiser pair" tab: its {@link PairViewModel} and {@link PairView}, and what the
 * window's menus do on it: apply a denoiser preset (controls only, never a run) and read its
 * controls back for Save as preset. Called on the FX thread.
 */
final class PairTab implements AutoCloseable {

    private final PairViewModel model;
    private final PairView view;
    private final Tab tab;

    PairTab() {
        this(new PairViewModel());
    }

    /** A tab over {@code model} (tests give one reading an empty data folder). */
    PairTab(PairViewModel model) {
        this.model = model;
        this.view = new PairView(model);
        this.tab = new Tab("Denoiser pair", view.root());
        tab.setId("tab-pair");
        tab.setClosable(false);
    }

    Tab tab() {
        return tab;
    }

    PairViewModel model() {
        return model;
    }

    PairView view() {
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
        if (tab.getTabPane() != null) {
            tab.getTabPane().getSelectionModel().select(tab);
        }
        model.setSettings(model.settings().withData(p.data().equals(DenoiserParameters.POWER_LAW)
                ? PairData.POWER_LAW : PairData.FASHION_MNIST).withLadder(p.sampleCounts())
                .withSteps(p.steps()).withChannels(p.channels()).withSeed(p.seed()));
        view.showPreset(preset);
    }

    /**
     * The settings the controls hold, as a preset would keep them.
     *
     * @throws IllegalArgumentException when a control holds a value out of range
     */
    DenoiserParameters parameters() {
        PairViewModel.Settings s = view.settingsFromControls();
        return new DenoiserParameters(s.data(), s.ladder(), s.steps(), s.channels(), s.seed());
    }

    @Override
    public void close() {
        model.close();
    }
}
