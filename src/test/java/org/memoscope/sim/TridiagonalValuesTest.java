package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The root-free QL eigenvalues against EJML's symmetric eigendecomposition of the same
 * tridiagonal matrix, on seeded random, clustered (repeated diagonal, tiny couplings),
 * graded (entries from 1e-8 to 1e8), split (zero couplings) and Wishart-like matrices of
 * sizes 1 to 400, matrices with entries whose squares are subnormal, and closed-form
 * cases. Tolerance: 1e-13 k^(1/2) times the largest entry (backward stability of
 * orthogonal similarity, Golub and Van Loan, section 8.3).
 */
class TridiagonalValuesTest {

    @Test
    void matchEjmlOnRandomAndStructuredMatrices() {
        SplittableRandom random = new SplittableRandom(41L);
        for (int k : new int[] {1, 2, 3, 4, 7, 16, 50, 131, 400}) {
            for (int kind = 0; kind < 4; kind++) {
                double[] diagonal = new double[k];
                double[] offDiagonal = new double[Math.max(k - 1, 1)];
                for (int i = 0; i < k; i++) {
                    diagonal[i] = switch (kind) {
                        case 0 -> random.nextGaussian();
                        case 1 -> 2.5;
                        case 2 -> Math.pow(10, random.nextDouble(-8, 8));
                        default -> i % 5 == 0 ? 0 : random.nextGaussian();
                    };
                    if (i < k - 1) {
                        offDiagonal[i] = switch (kind) {
                            case 0 -> random.nextGaussian();
                            case 1 -> i % 3 == 0 ? 1e-9 : 0;
                            case 2 -> Math.pow(10, random.nextDouble(-8, 8));
                            default -> i % 4 == 0 ? 0 : random.nextGaussian();
                        };
                    }
                }
                assertMatchesEjml(diagonal, offDiagonal);
            }
        }
    }

    @Test
    void matchEjmlOnTheTridiagonalFormOfACovariance() {
        SplittableRandom random = new SplittableRandom(42L);
        int k = 300;
        DMatrixRMaj x = new DMatrixRMaj(k, k);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextGaussian();
        }
        HouseholderTridiagonal reduction = HouseholderTridiagonal.of(DenseProducts.inner(x));
        assertMatchesEjml(reduction.diagonal(), reduction.offDiagonal());
    }

    @Test
    void closedFormCases() {
        assertArrayEquals(new double[] {3.0}, TridiagonalValues.of(new double[] {3.0},
                new double[] {0.0}), 0.0);
        double[] pair = TridiagonalValues.of(new double[] {2, 2}, new double[] {1});
        Arrays.sort(pair);
        assertArrayEquals(new double[] {1, 3}, pair, 1e-15);
        double[] zero = TridiagonalValues.of(new double[3], new double[2]);
        assertArrayEquals(new double[3], zero, 0.0);
        // The path graph's Laplacian-like matrix 2 on the diagonal, -1 beside it: eigenvalues
        // 2 - 2 cos(j pi / (k + 1)).
        int k = 60;
        double[] diagonal = new double[k];
        double[] offDiagonal = new double[k - 1];
        Arrays.fill(diagonal, 2);
        Arrays.fill(offDiagonal, -1);
        double[] values = TridiagonalValues.of(diagonal, offDiagonal);
        Arrays.sort(values);
        for (int j = 1; j <= k; j++) {
            assertEquals(2 - 2 * Math.cos(j * Math.PI / (k + 1)), values[j - 1], 1e-13);
        }
    }

    /**
     * A graded matrix keeps its small eigenvalues to relative accuracy whichever end holds
     * the large entry (tolerance 1e-13 relative to each eigenvalue; EJML as reference).
     */
    @Test
    void gradedMatricesKeepTheirSmallEigenvaluesAtEitherEnd() {
        double[] topHeavy = {1e20, 1, 2, 3, 4, 5};
        double[] bottomHeavy = {5, 4, 3, 2, 1, 1e20};
        double[] couplings = {0.5, 0.5, 0.5, 0.5, 0.5};
        double[] expected = ejmlValues(bottomHeavy, couplings);
        for (double[] diagonal : new double[][] {topHeavy, bottomHeavy}) {
            double[] actual = TridiagonalValues.of(diagonal, couplings);
            Arrays.sort(actual);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-13 * Math.abs(expected[i]),
                        "eigenvalue " + i);
            }
        }
    }

    @Test
    void nonFiniteEntriesGiveNullAndArgumentsAreKept() {
        assertNull(TridiagonalValues.of(new double[] {1, Double.NaN}, new double[] {1}));
        assertNull(TridiagonalValues.of(new double[] {1, 2},
                new double[] {Double.POSITIVE_INFINITY}));
        double[] diagonal = {1, 2, 3};
        double[] offDiagonal = {0.5, 0.25};
        TridiagonalValues.of(diagonal, offDiagonal);
        assertArrayEquals(new double[] {1, 2, 3}, diagonal, 0.0);
        assertArrayEquals(new double[] {0.5, 0.25}, offDiagonal, 0.0);
    }

    /**
     * Regression: a diagonal entry of about 1e-162 (its square subnormal) beside an
     * off-diagonal entry of 0.0625 made a sweep divide one subnormal by another, and the
     * eigenvalues +-0.0625 came out up to 8% off. Exact: +-0.0625, 0 (within 1e-40) and 0.1;
     * tolerance 1e-15.
     */
    @Test
    void subnormalCosinesDoNotSpoilTheSweep() {
        for (double tiny : new double[] {2e-163, 3e-163, 1e-162, 5e-162}) {
            double[] values = TridiagonalValues.of(new double[] {0, 1e-40, -tiny, 0.1},
                    new double[] {1e-130, -0.0625, 0});
            Arrays.sort(values);
            assertArrayEquals(new double[] {-0.0625, 0, 0.0625, 0.1}, values, 1e-15,
                    "tiny entry " + tiny);
        }
    }

    /**
     * Seeded matrices of sizes 3 to 40 whose diagonal repeats 0, ~1e-40, ~-1e-160 (squares
     * subnormal) beside couplings of ~1e-130, up to 1 and up to 1e-3, one diagonal entry up
     * to 1: before the fix about half of them were off by more than the tolerance of
     * {@link #assertMatchesEjml}.
     */
    @Test
    void matchEjmlWhenSquaresOfEntriesAreSubnormal() {
        SplittableRandom random = new SplittableRandom(43L);
        for (int trial = 0; trial < 200; trial++) {
            int k = random.nextInt(3, 41);
            double[] diagonal = new double[k];
            double[] offDiagonal = new double[k - 1];
            for (int i = 0; i < k; i++) {
                diagonal[i] = switch (i % 3) {
                    case 0 -> 0;
                    case 1 -> Math.pow(10, -random.nextDouble(30, 50));
                    default -> -Math.pow(10, -random.nextDouble(152, 165));
                };
                if (i < k - 1) {
                    offDiagonal[i] = switch (i % 3) {
                        case 0 -> Math.pow(10, -random.nextDouble(120, 140));
                        case 1 -> random.nextDouble(-1, 1);
                        default -> random.nextInt(4) == 0 ? 0 : random.nextDouble(-1e-3, 1e-3);
                    };
                }
            }
            diagonal[random.nextInt(k)] = random.nextDouble(-1, 1);
            assertMatchesEjml(diagonal, offDiagonal);
        }
    }

    /** EJML's eigenvalues of the tridiagonal matrix, in increasing order. */
    private static double[] ejmlValues(double[] diagonal, double[] offDiagonal) {
        int k = diagonal.length;
        DMatrixRMaj matrix = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            matrix.set(i, i, diagonal[i]);
            if (i < k - 1) {
                matrix.set(i, i + 1, offDiagonal[i]);
                matrix.set(i + 1, i, offDiagonal[i]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eigen.decompose(matrix)) {
            throw new AssertionError("EJML did not converge at size " + k);
        }
        double[] values = new double[k];
        for (int i = 0; i < k; i++) {
            values[i] = eigen.getEigenvalue(i).real;
        }
        Arrays.sort(values);
        return values;
    }

    private static void assertMatchesEjml(double[] diagonal, double[] offDiagonal) {
        int k = diagonal.length;
        DMatrixRMaj matrix = new DMatrixRMaj(k, k);
        double largest = 0;
        for (int i = 0; i < k; i++) {
            matrix.set(i, i, diagonal[i]);
            largest = Math.max(largest, Math.abs(diagonal[i]));
            if (i < k - 1) {
                matrix.set(i, i + 1, offDiagonal[i]);
                matrix.set(i + 1, i, offDiagonal[i]);
                largest = Math.max(largest, Math.abs(offDiagonal[i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(k, false, true);
        if (!eigen.decompose(matrix)) {
            throw new AssertionError("EJML did not converge at size " + k);
        }
        double[] expected = new double[k];
        for (int i = 0; i < k; i++) {
            expected[i] = eigen.getEigenvalue(i).real;
        }
        double[] actual = TridiagonalValues.of(diagonal, offDiagonal);
        assertNotNull(actual, "size " + k);
        Arrays.sort(expected);
        Arrays.sort(actual);
        assertArrayEquals(expected, actual, 1e-13 * Math.sqrt(k) * largest + 1e-300,
                "size " + k);
    }
}
