package org.memoscope.theory;

import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.TheoryCurves;
import org.memoscope.model.TheoryReadout;

/** STUB: to be implemented (theory helper). */
public final class SpikedTheory {

    private SpikedTheory() {
    }

    /** q, m, Q_k on the grid for the spikes, ridge and dimension of {@code parameters}. */
    public static TheoryCurves curves(ExplorerParameters parameters, double[] loadRatios) {
        throw new UnsupportedOperationException("not yet");
    }

    /** All asymptotic values at {@code parameters.loadRatio()}. */
    public static TheoryReadout readout(ExplorerParameters parameters) {
        throw new UnsupportedOperationException("not yet");
    }
}
