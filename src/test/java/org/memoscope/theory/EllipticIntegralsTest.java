package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EllipticIntegralsTest {

    @Test
    void valuesAtZeroAndOne() {
        // Exact special values; the AGM is exact at m = 0 (one step), E(1) = 1 is special-cased.
        assertEquals(Math.PI / 2, EllipticIntegrals.firstKind(0), 1e-15);
        assertEquals(Math.PI / 2, EllipticIntegrals.secondKind(0), 1e-15);
        assertEquals(1.0, EllipticIntegrals.secondKind(1), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, EllipticIntegrals.firstKind(1), 0.0);
    }

    @Test
    void tabulatedValuesAtOneHalf() {
        // Published 16-digit values; the AGM is accurate to a few ulps, so 1e-14 absolute.
        assertEquals(1.854074677301372, EllipticIntegrals.firstKind(0.5), 1e-14);
        assertEquals(1.350643881047675, EllipticIntegrals.secondKind(0.5), 1e-14);
    }

    @Test
    void legendreRelationHolds() {
        // E(m)K(1-m) + E(1-m)K(m) - K(m)K(1-m) = pi/2 for 0 < m < 1 (DLMF 19.7.1);
        // a handful of roundings in products of O(1-10) numbers: 1e-13.
        for (double m : new double[] {1e-6, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-9}) {
            double k = EllipticIntegrals.firstKind(m);
            double kc = EllipticIntegrals.firstKind(1 - m);
            double e = EllipticIntegrals.secondKind(m);
            double ec = EllipticIntegrals.secondKind(1 - m);
            assertEquals(Math.PI / 2, e * kc + ec * k - k * kc, 1e-13, "m = " + m);
        }
    }

    @Test
    void smallParameterSeries() {
        // K = pi/2 (1 + m/4 + 9m^2/64 + ...), E = pi/2 (1 - m/4 - 3m^2/64 - ...);
        // at m = 1e-4 the omitted m^3 terms are ~1e-12 relative: tolerance 1e-11.
        double m = 1e-4;
        assertEquals(Math.PI / 2 * (1 + m / 4 + 9 * m * m / 64),
                EllipticIntegrals.firstKind(m), 1e-11);
        assertEquals(Math.PI / 2 * (1 - m / 4 - 3 * m * m / 64),
                EllipticIntegrals.secondKind(m), 1e-11);
    }

    @Test
    void rejectsParameterOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> EllipticIntegrals.firstKind(-0.1));
        assertThrows(IllegalArgumentException.class, () -> EllipticIntegrals.secondKind(1.5));
        assertThrows(IllegalArgumentException.class,
                () -> EllipticIntegrals.firstKind(Double.NaN));
    }
}
