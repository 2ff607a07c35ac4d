package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PopulationSpectrumTest {

    @Test
    void valuesAreSortedMergedAndZerosCounted() {
        // Exact bookkeeping; -1e-14 is roundoff of the largest value 3 and reads as 0.
        PopulationSpectrum spectrum = PopulationSpectrum.of(1, 3, 0, 1, -1e-14, 2);
        assertEquals(6, spectrum.dimension());
        assertEquals(2, spectrum.zeroCount());
        assertEquals(3, spectrum.distinctCount());
        assertEquals(2, spectrum.multiplicity(2));
        assertEquals(7.0 / 6, spectrum.mean(), 1e-15);
        assertArrayEquals(new double[] {3, 2, 1, 1, 0, 0}, spectrum.toArray(), 0);
        assertEquals(1, spectrum.largest(4), 0);
        assertEquals(0, spectrum.largest(5), 0);
        assertEquals(-1, spectrum.distinctIndexOfRank(6));
    }

    @Test
    void powerLawHasUnitMeanAndTheRequestedDecay() {
        // Mean of d values, each rounded: 1e-13.
        for (double alpha : new double[] {0, 0.5, 1, 2.5}) {
            PopulationSpectrum spectrum = PopulationSpectrum.powerLaw(1000, alpha);
            assertEquals(1, spectrum.mean(), 1e-13);
            assertEquals(Math.pow(10, alpha), spectrum.largest(1) / spectrum.largest(10),
                    1e-12 * Math.pow(10, alpha));
        }
    }

    @Test
    void spikedModelKeepsTheBulkAsOneValue() {
        // 1 + beta for each spike, 1 for the other d - r; equal spikes merge.
        PopulationSpectrum spectrum = PopulationSpectrum.spiked(1_000_000, 2, 0.5, 2);
        assertEquals(3, spectrum.distinctCount());
        assertEquals(3, spectrum.largest(2), 0);
        assertEquals(2, spectrum.multiplicity(0));
        assertEquals(999_997, spectrum.multiplicity(2));
        assertEquals(1 + 4.5 / 1_000_000, spectrum.mean(), 1e-15);
    }

    @Test
    void squaringMovesUnderflowToZeros() {
        PopulationSpectrum squared = PopulationSpectrum.of(2, 1e-200, 0).squared();
        assertEquals(1, squared.distinctCount());
        assertEquals(2, squared.zeroCount());
        assertEquals(4, squared.largest(1), 0);
    }

    @Test
    void invalidSpectraAreRejected() {
        assertThrows(IllegalArgumentException.class, PopulationSpectrum::of);
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> PopulationSpectrum.of(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.powerLaw(0, 1));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.spiked(2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PopulationSpectrum.spiked(5, -1));
    }
}
