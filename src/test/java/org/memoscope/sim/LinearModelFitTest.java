package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both routes of {@link LinearModelFit} against a direct d x d computation of
 * {@code A = (S + lambda I)^(1/2)} at small d. All quantities compared are O(1) to
 * O(10) and computed in double precision through a few well-conditioned products
 * and symmetric eigendecompositions, so they agree to about 1e-13; the tolerance
 * 1e-9 (relative, or absolute below 1) leaves room and still catches any error
 * in a formula.
 */
class LinearModelFitTest {

    private static final double TOLERANCE = 1e-9;
    private static final double[] SPIKES = {4.0, 1.5};
    private static final Runnable NO_CHECK = () -> { };

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3})
    void gramRouteMatchesDirectRoute(double ridge) {
        int d = 40;
        int n = 15;
        DMatrixRMaj first = SpikedGaussianData.trainingSet(n, d, SPIKES, 11);
        DMatrixRMaj second = SpikedGaussianData.trainingSet(n, d, SPIKES, 12);
        DMatrixRMaj seeds = SpikedGaussianData.samplingSeeds(d, new long[] {1, 2, 3, 4, 5});

        LinearModelFit gramFirst = LinearModelFit.fit(first, ridge, NO_CHECK);
        LinearModelFit gramSecond = LinearModelFit.fit(second, ridge, NO_CHECK);
        assertInstanceOf(GramFit.class, gramFirst);
        assertMatchesDirect(gramFirst, gramSecond, seeds);

        // The d x d route also handles n < d (S singular): a second, independent check.
        assertMatchesDirect(new CovarianceFit(first, ridge, NO_CHECK),
                new CovarianceFit(second, ridge, NO_CHECK), seeds);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.3})
    void covarianceRouteMatchesDirectRoute(double ridge) {
        int d = 20;
        int n = 50;
        DMatrixRMaj first = SpikedGaussianData.trainingSet(n, d, SPIKES, 21);
        DMatrixRMaj second = SpikedGaussianData.trainingSet(n, d, SPIKES, 22);
        DMatrixRMaj seeds = SpikedGaussianData.samplingSeeds(d, new long[] {6, 7, 8});

        LinearModelFit fitFirst = LinearModelFit.fit(first, ridge, NO_CHECK);
        assertInstanceOf(CovarianceFit.class, fitFirst);
        assertMatchesDirect(fitFirst, LinearModelFit.fit(second, ridge, NO_CHECK), seeds);
    }

    @Test
    void overlapPartsSumToWholeOverlap() {
        DMatrixRMaj first = SpikedGaussianData.trainingSet(15, 40, SPIKES, 31);
        DMatrixRMaj second = SpikedGaussianData.trainingSet(15, 40, SPIKES, 32);
        LinearModelFit a = LinearModelFit.fit(first, 0.1, NO_CHECK);
        LinearModelFit b = LinearModelFit.fit(second, 0.1, NO_CHECK);

        DMatrixRMaj whole = a.partialOverlap(b, 0, 15);
        DMatrixRMaj sum = a.partialOverlap(b, 0, 6);
        CommonOps_DDRM.addEquals(sum, a.partialOverlap(b, 6, 15));
        assertClose(whole, sum);
    }

    @Test
    void singleTrainingPointIsReproducedUpToScale() {
        DMatrixRMaj point = SpikedGaussianData.trainingSet(1, 30, SPIKES, 41);
        DMatrixRMaj seeds = SpikedGaussianData.samplingSeeds(30, new long[] {9, 10});
        LinearModelFit fit = LinearModelFit.fit(point, 0, NO_CHECK);

        double[] nearest = SampleGeometry.nearestTrainingCosines(point, fit.sample(seeds));
        for (double cosine : nearest) {
            assertEquals(1.0, cosine, TOLERANCE);
        }
    }

    /** Compares samples, traces, the cross trace and eigenvector overlaps with DirectRoot. */
    private static void assertMatchesDirect(LinearModelFit first, LinearModelFit second,
                                            DMatrixRMaj seeds) {
        DirectRoot directFirst = new DirectRoot(first.trainingSet, first.ridge);
        DirectRoot directSecond = new DirectRoot(second.trainingSet, second.ridge);

        DMatrixRMaj expectedSamples = new DMatrixRMaj(seeds.numRows, seeds.numCols);
        CommonOps_DDRM.mult(directFirst.root, seeds, expectedSamples);
        assertClose(expectedSamples, first.sample(seeds));

        DMatrixRMaj square = new DMatrixRMaj(seeds.numRows, seeds.numRows);
        CommonOps_DDRM.mult(directFirst.root, directFirst.root, square);
        assertRelative(CommonOps_DDRM.trace(square), first.trace());

        DMatrixRMaj product = new DMatrixRMaj(seeds.numRows, seeds.numRows);
        CommonOps_DDRM.mult(directFirst.root, directSecond.root, product);
        DMatrixRMaj overlap = first.partialOverlap(second, 0, first.overlapRows());
        assertRelative(CommonOps_DDRM.trace(product),
                LinearModelFit.crossTrace(first, second, overlap));

        for (int rank = 0; rank < 3; rank++) {
            for (int axis = 0; axis < 3; axis++) {
                double expected = directFirst.eigenvectorComponent(rank, axis);
                double actual = first.eigenvectorComponent(rank, axis);
                assertEquals(expected * expected, actual * actual, TOLERANCE);
            }
        }
    }

    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows);
        assertEquals(expected.numCols, actual.numCols);
        for (int i = 0; i < expected.data.length; i++) {
            assertRelative(expected.data[i], actual.data[i]);
        }
    }

    private static void assertRelative(double expected, double actual) {
        assertEquals(expected, actual, TOLERANCE * Math.max(1, Math.abs(expected)));
    }

    /**
     * {@code (S + lambda I)^(1/2)} formed as a d x d matrix from the eigendecomposition
     * of {@code S + lambda I}, eigenvalues of S below 1e-12 of the largest set to 0.
     */
    private static final class DirectRoot {

        final DMatrixRMaj root;
        final SymmetricEigen learnt;

        DirectRoot(DMatrixRMaj trainingSet, double ridge) {
            int d = trainingSet.numCols;
            DMatrixRMaj covariance = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(trainingSet, trainingSet, covariance);
            CommonOps_DDRM.scale(1.0 / trainingSet.numRows, covariance);
            learnt = SymmetricEigen.of(covariance.copy());

            DMatrixRMaj scaled = learnt.vectors().copy();
            for (int i = 0; i < d; i++) {
                double eigenvalue = learnt.value(i) > 1e-12 * learnt.value(0)
                        ? learnt.value(i) : 0;
                double root = Math.sqrt(eigenvalue + ridge);
                for (int row = 0; row < d; row++) {
                    scaled.set(row, i, scaled.get(row, i) * root);
                }
            }
            root = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransB(scaled, learnt.vectors(), root);
        }

        double eigenvectorComponent(int rank, int axis) {
            return learnt.vectors().get(axis, rank);
        }
    }
}
