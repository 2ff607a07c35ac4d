package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The inverse-iteration eigendecomposition on the matrices the simulation meets: sample
 * covariances at n = d (eigenvalues down to ~1/d^2), n = 2d and n = 8d, a rank-deficient
 * one (a large null-space cluster, handled by the rotation path), a multiple of the
 * identity, and a matrix with a planted spike. Tolerances: eigenvalues within 1e-12 ||A||
 * of EJML's, columns orthonormal within 1e-10, {@code V diag(e) V^T} within 1e-12 ||A||
 * of A, in decreasing order; on Gaussian, rank-deficient, clustered (gaps of 1e-9) and
 * spiked matrices of sizes 1 to 300, also eigenvalues within 1e-12 k ||A|| of EJML's.
 * Seeded.
 */
class TridiagonalEigenTest {

    @Test
    void decomposesTheMatricesOfTheSimulation() {
        SplittableRandom random = new SplittableRandom(9L);
        int d = 150;
        DMatrixRMaj spiked = covariance(2 * d, d, random);
        spiked.add(0, 0, 9.0);
        DMatrixRMaj identity = CommonOps_DDRM.identity(d);
        CommonOps_DDRM.scale(2.5, identity);
        DMatrixRMaj[] matrices = {covariance(d, d, random), covariance(2 * d, d, random),
            covariance(8 * d, d, random), covariance(d / 3, d, random), identity, spiked};
        for (DMatrixRMaj matrix : matrices) {
            TridiagonalEigen eigen = TridiagonalEigen.decompose(matrix);
            assertNotNull(eigen);
            check(matrix, eigen.values(), CommonOps_DDRM.transpose(eigen.vectorRows(), null));
        }
    }

    @Test
    void decomposesRandomSingularClusteredAndSpikedMatricesOfManySizes() {
        SplittableRandom random = new SplittableRandom(11L);
        for (int k : new int[] {1, 2, 3, 5, 17, 64, 97, 150, 300}) {
            DMatrixRMaj spiked = covariance(3 * k, k, random);
            spiked.add(0, 0, 16.0);
            DMatrixRMaj clustered = rotated(clusteredDiagonal(k), random);
            DMatrixRMaj[] matrices = {HouseholderTridiagonalTest.gaussianSymmetric(k, random),
                covariance(Math.max(1, k / 4), k, random), covariance(k, k, random), clustered,
                spiked};
            for (DMatrixRMaj matrix : matrices) {
                TridiagonalEigen eigen = TridiagonalEigen.decompose(matrix);
                assertNotNull(eigen, "size " + k);
                check(matrix, eigen.values(),
                        CommonOps_DDRM.transpose(eigen.vectorRows(), null));
                assertValuesMatchEjml(matrix, eigen.values());
            }
        }
    }

    @Test
    void symmetricEigenUsesItAndAgreesWithEjmlOnTheValues() {
        DMatrixRMaj matrix = covariance(90, 120, new SplittableRandom(10L));
        SymmetricEigen eigen = SymmetricEigen.of(matrix.copy());
        var reference = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(120, false, true);
        assertTrue(reference.decompose(matrix.copy()));
        double[] expected = new double[120];
        for (int i = 0; i < 120; i++) {
            expected[i] = reference.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(expected);
        for (int i = 0; i < 120; i++) {
            assertEquals(expected[119 - i], eigen.value(i), 1e-12 * expected[119]);
        }
    }

    /**
     * Regression: a matrix (tridiagonal already, so the reduction keeps it) with a diagonal
     * entry of 3e-162 beside an off-diagonal one of -0.9 got its eigenvalues +-0.9 0.5% off,
     * and vectors to match, from the eigenvalue step; none of the eight vectors checked was
     * among them, so the result was returned. Tolerances as above.
     */
    @Test
    void aTinyDiagonalEntryBesideALargeCouplingKeepsTheSpectrum() {
        int k = 100;
        DMatrixRMaj matrix = new DMatrixRMaj(k, k);
        matrix.set(1, 1, 1e-39);
        matrix.set(2, 2, -3.15e-162);
        matrix.set(0, 1, 1e-127);
        matrix.set(1, 0, 1e-127);
        matrix.set(1, 2, -0.9);
        matrix.set(2, 1, -0.9);
        for (int i = 3; i < k; i++) {
            matrix.set(i, i, 2 * (-1 + 2.0 * (i - 3) / (k - 4) + 0.001));
        }
        SymmetricEigen eigen = SymmetricEigen.of(matrix.copy());
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = eigen.value(i);
        }
        check(matrix, values, eigen.vectors());
        assertValuesMatchEjml(matrix, values);
    }

    /**
     * The invariants check accepts the eigenvalues of a covariance and refuses them when one
     * is off by 1e-4 of the largest (tolerance 1e-8 k ||T||): a wrong eigenvalue whose
     * vector the sampled check does not look at is still caught.
     */
    @Test
    void theInvariantsCheckRefusesAWrongEigenvalue() {
        DMatrixRMaj matrix = covariance(120, 100, new SplittableRandom(31L));
        TridiagonalEigen eigen = TridiagonalEigen.decompose(matrix);
        assertNotNull(eigen);
        double[] values = eigen.values().clone();
        double norm = 0;
        for (int i = 0; i < values.length; i++) {
            norm = Math.max(norm, Math.abs(values[i]));
        }
        assertTrue(TridiagonalEigen.invariantsHold(matrix, values, norm));
        values[37] += 1e-4 * norm;
        assertFalse(TridiagonalEigen.invariantsHold(matrix, values, norm));
    }

    private static void check(DMatrixRMaj matrix, double[] values, DMatrixRMaj vectors) {
        int k = values.length;
        double norm = CommonOps_DDRM.elementMaxAbs(matrix);
        for (int i = 1; i < k; i++) {
            assertTrue(values[i - 1] >= values[i], "decreasing order");
        }
        DMatrixRMaj gram = DenseProducts.multTransA(vectors, vectors);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(i == j ? 1 : 0, gram.get(i, j), 1e-10, "orthonormal columns");
            }
        }
        DMatrixRMaj scaled = vectors.copy();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                scaled.data[i * k + j] *= values[j];
            }
        }
        DMatrixRMaj rebuilt = DenseProducts.multTransB(scaled, vectors);
        for (int i = 0; i < rebuilt.data.length; i++) {
            assertEquals(matrix.data[i], rebuilt.data[i], 1e-12 * norm * 10, "V e V^T = A");
        }
    }

    /** Eigenvalues 1, 1 + 1e-9, 1 + 2e-9 repeating, then 3 and 0.5: tight clusters. */
    private static DMatrixRMaj clusteredDiagonal(int k) {
        DMatrixRMaj diagonal = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            diagonal.set(i, i, 1 + (i % 3) * 1e-9);
        }
        diagonal.set(0, 0, 3);
        if (k > 1) {
            diagonal.set(k - 1, k - 1, 0.5);
        }
        return diagonal;
    }

    /** {@code O D O^T} for a random orthogonal O (Q of a Gaussian matrix, EJML's QR). */
    private static DMatrixRMaj rotated(DMatrixRMaj diagonal, SplittableRandom random) {
        int k = diagonal.numRows;
        DMatrixRMaj gaussian = new DMatrixRMaj(k, k);
        for (int i = 0; i < gaussian.data.length; i++) {
            gaussian.data[i] = random.nextGaussian();
        }
        var qr = org.ejml.dense.row.factory.DecompositionFactory_DDRM.qr(k, k);
        assertTrue(qr.decompose(gaussian));
        DMatrixRMaj o = qr.getQ(null, false);
        DMatrixRMaj od = new DMatrixRMaj(k, k);
        CommonOps_DDRM.mult(o, diagonal, od);
        DMatrixRMaj result = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransB(od, o, result);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < i; j++) {
                result.set(j, i, result.get(i, j));
            }
        }
        return result;
    }

    private static void assertValuesMatchEjml(DMatrixRMaj matrix, double[] values) {
        int k = matrix.numRows;
        var reference = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(k, false, true);
        assertTrue(reference.decompose(matrix.copy()));
        double[] expected = new double[k];
        for (int i = 0; i < k; i++) {
            expected[i] = reference.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(expected);
        double norm = CommonOps_DDRM.elementMaxAbs(matrix);
        for (int i = 0; i < k; i++) {
            assertEquals(expected[k - 1 - i], values[i], 1e-12 * k * norm, "eigenvalue " + i);
        }
    }

    private static DMatrixRMaj covariance(int n, int d, SplittableRandom random) {
        return HouseholderTridiagonalTest.covariance(n, d, random);
    }
}
