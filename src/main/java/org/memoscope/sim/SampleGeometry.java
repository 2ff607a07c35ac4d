package org.memoscope.sim;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Cosines between generated samples and training points, the raw material of
 * the convergence {@code q = E_z cos(x_1(z), x_2(z))} and the memorisation
 * {@code m = E_z max_mu |cos(x(z), x_mu)|} (theory.md, section 3). A zero vector
 * has cosine 0 with everything.
 */
final class SampleGeometry {

    private SampleGeometry() {
    }

    /** {@code cos(a_j, b_j)} for each column j of the two d x s sample matrices. */
    static double[] columnCosines(DMatrixRMaj first, DMatrixRMaj second) {
        int count = first.numCols;
        double[] dots = new double[count];
        double[] firstNorms = new double[count];
        double[] secondNorms = new double[count];
        for (int i = 0; i < first.numRows; i++) {
            int rowStart = i * count;
            for (int j = 0; j < count; j++) {
                double a = first.data[rowStart + j];
                double b = second.data[rowStart + j];
                dots[j] += a * b;
                firstNorms[j] += a * a;
                secondNorms[j] += b * b;
            }
        }
        double[] cosines = new double[count];
        for (int j = 0; j < count; j++) {
            cosines[j] = cosine(dots[j], firstNorms[j] * secondNorms[j]);
        }
        return cosines;
    }

    /**
     * {@code max_mu |cos(x_j, x_mu)|} for each column x_j of the d x s samples, over
     * the rows x_mu of the n x d training set: O(n d s).
     */
    static double[] nearestTrainingCosines(DMatrixRMaj trainingSet, DMatrixRMaj samples) {
        double[] cosines = nearestTraining(trainingSet, samples).cosines();
        for (int j = 0; j < cosines.length; j++) {
            cosines[j] = Math.abs(cosines[j]);
        }
        return cosines;
    }

    /**
     * For each column x_j of the d x s samples, the row x_mu of the n x d training set with
     * the largest {@code |cos(x_j, x_mu)|} (the first one on ties; row 0 when every cosine
     * is 0) and that cosine with its sign: O(n d s).
     */
    static Nearest nearestTraining(DMatrixRMaj trainingSet, DMatrixRMaj samples) {
        int n = trainingSet.numRows;
        int count = samples.numCols;
        DMatrixRMaj dots = new DMatrixRMaj(n, count);
        CommonOps_DDRM.mult(trainingSet, samples, dots);

        double[] trainingNorms = rowSquaredNorms(trainingSet);
        double[] sampleNorms = columnSquaredNorms(samples);
        int[] rows = new int[count];
        double[] cosines = new double[count];
        for (int mu = 0; mu < n; mu++) {
            int rowStart = mu * count;
            for (int j = 0; j < count; j++) {
                double cosine = cosine(dots.data[rowStart + j],
                        trainingNorms[mu] * sampleNorms[j]);
                if (Math.abs(cosine) > Math.abs(cosines[j])) {
                    cosines[j] = cosine;
                    rows[j] = mu;
                }
            }
        }
        return new Nearest(rows, cosines);
    }

    /**
     * The nearest training point of each sample.
     *
     * @param rows    row of the training set, per sample
     * @param cosines the signed cosine with it, per sample
     */
    record Nearest(int[] rows, double[] cosines) {
    }

    private static double cosine(double dot, double squaredNormProduct) {
        return squaredNormProduct > 0 ? dot / Math.sqrt(squaredNormProduct) : 0;
    }

    private static double[] rowSquaredNorms(DMatrixRMaj matrix) {
        double[] norms = new double[matrix.numRows];
        for (int i = 0; i < matrix.numRows; i++) {
            int rowStart = i * matrix.numCols;
            double sum = 0;
            for (int j = 0; j < matrix.numCols; j++) {
                double value = matrix.data[rowStart + j];
                sum += value * value;
            }
            norms[i] = sum;
        }
        return norms;
    }

    private static double[] columnSquaredNorms(DMatrixRMaj matrix) {
        double[] norms = new double[matrix.numCols];
        for (int i = 0; i < matrix.numRows; i++) {
            int rowStart = i * matrix.numCols;
            for (int j = 0; j < matrix.numCols; j++) {
                double value = matrix.data[rowStart + j];
                norms[j] += value * value;
            }
        }
        return norms;
    }
}
