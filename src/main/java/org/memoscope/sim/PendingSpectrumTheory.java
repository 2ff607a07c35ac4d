package org.memoscope.sim;

/**
 * Placeholder for the general-spectrum theory while it is not part of the build: every
 * method throws {@link UnsupportedOperationException}, so no caller can show a number that
 * was not computed.
 */
// TODO: replace by the theory package's general-spectrum class once it is committed.
final class PendingSpectrumTheory implements SpectrumTheory {

    private final String source;

    PendingSpectrumTheory(String source) {
        this.source = source;
    }

    @Override
    public double convergence(double loadRatio) {
        throw unavailable();
    }

    @Override
    public double latentRecovery(double loadRatio, int factor) {
        throw unavailable();
    }

    private UnsupportedOperationException unavailable() {
        return new UnsupportedOperationException("the general-spectrum theory for " + source
                + " is not available in this build yet");
    }
}
