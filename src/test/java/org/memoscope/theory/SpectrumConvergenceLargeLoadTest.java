package org.memoscope.theory;

/**
 * q for power-law spectra at gamma = 4 (n = 4000, d = 1000); see
 * {@link FullRankConvergenceCheck}.
 */
class SpectrumConvergenceLargeLoadTest extends FullRankConvergenceCheck {

    @Override
    double load() {
        return 4;
    }

    @Override
    double steepGap() {
        return 0.0004;
    }

    @Override
    long seed() {
        return 600;
    }
}
