package org.memoscope.ui;

import javafx.scene.control.Tab;

/** The "Denoiser pair" tab: its {@link PairViewModel} and {@link PairView}. */
final class PairTab implements AutoCloseable {

    private final PairViewModel model = new PairViewModel();
    private final PairView view = new PairView(model);
    private final Tab tab = new Tab("Denoiser pair", view.root());

    PairTab() {
        tab.setId("tab-pair");
        tab.setClosable(false);
    }

    Tab tab() {
        return tab;
    }

    @Override
    public void close() {
        model.close();
    }
}
