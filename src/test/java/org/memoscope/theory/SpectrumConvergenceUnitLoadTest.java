package org.memoscope.theory;

/** q for power-law spectra at gamma = 1 (n = d = 1000); see {@link FullRankConvergenceCheck}. */
class SpectrumConvergenceUnitLoadTest extends FullRankConvergenceCheck {

    @Override
    double load() {
        return 1;
    }

    @Override
    double steepGap() {
        return 0.002;
    }

    @Override
    long seed() {
        return 500;
    }
}
