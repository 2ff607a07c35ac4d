package org.memoscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.memoscope.data.PowerLawField;
import org.memoscope.model.DataParameters;
import org.memoscope.sim.DataSource;

/** The theory the data view draws, without a window. */
class DataTheoryTest {

    @Test
    void topEigenspaceIsWidenedToWholeGroupsOfEqualEigenvalues() {
        double[] descending = {5, 3, 3, 3, 2, 1};

        assertEquals(1, DataViewModel.wholeGroupRank(descending, 1));
        assertEquals(4, DataViewModel.wholeGroupRank(descending, 2));
        assertEquals(4, DataViewModel.wholeGroupRank(descending, 4));
        assertEquals(6, DataViewModel.wholeGroupRank(descending, 6));
    }

    @Test
    void spectralDistanceOfFieldsVanishesAtLargeLoadAndFactorsFollowTheRequest() {
        DataSource fields = DataSource.powerLawField(new PowerLawField(16, 2.0));
        DataParameters request = DataParameters.DEFAULTS.withFactorCount(4);

        DataViewModel.DataTheory theory = DataViewModel.theoryFor(request, fields,
                fields.eigenvalues());

        assertEquals(4, theory.latentRecovery().length);
        double[] spectral = theory.spectralDistance();
        // Whole degenerate groups are recovered as gamma grows: the distance falls towards 0
        // (below 0.05 at gamma = 100, where every top Fourier group is far above threshold).
        assertTrue(spectral[spectral.length - 1] < 0.05,
                "spectral distance at gamma = 100: " + spectral[spectral.length - 1]);
        assertTrue(spectral[0] > 0.9, "nothing is recovered at gamma = 1e-3: " + spectral[0]);
    }
}
