package org.memoscope.theory;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Seeded finite-size simulation of Gaussian data with a diagonal population covariance,
 * written independently of the formulas it checks: {@code x = diag(lambda)^(1/2) g},
 * {@code g ~ N(0, I_d)}, so the population eigenvectors are the coordinate vectors e_k and
 * {@code (v_k . u) = u_k}.
 *
 * <p>The learnt covariance is {@code S = X^T X / n} (X is n x d). For n &lt;= d it is never
 * formed: with the Gram matrix {@code G = X X^T / n = A diag(mu) A^T}, the non-zero
 * eigenpairs of S are {@code (mu_i, X^T a_i / sqrt(n mu_i))} and
 * {@code S^(1/2) z = n^(-1/2) X^T A diag(mu^(-1/2)) A^T X z}. For n &gt; d, S is formed and
 * decomposed, or, when only S (not X) is needed, drawn directly from the Bartlett
 * decomposition of the white Wishart matrix ({@code n W = L L^T}, L lower triangular with
 * {@code L_ii^2 ~ chi^2_(n-i)} (i from 0) and standard normal entries below the diagonal;
 * Bartlett, Proc. R. Soc. Edinb. 53, 1933), so {@code S = D^(1/2) L L^T D^(1/2) / n} costs
 * O(d^3) whatever n is.
 */
final class SpectrumSimulation {

    private final Random random;

    SpectrumSimulation(long seed) {
        this.random = new Random(seed);
    }

    /** n x d data with rows {@code diag(lambda)^(1/2) g}. */
    DMatrixRMaj data(int n, double[] lambda) {
        int d = lambda.length;
        DMatrixRMaj x = new DMatrixRMaj(n, d);
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < d; col++) {
                x.data[row * d + col] = Math.sqrt(lambda[col]) * random.nextGaussian();
            }
        }
        return x;
    }

    /** d x d sample covariance of n points, drawn through the Bartlett decomposition. */
    DMatrixRMaj bartlettCovariance(int n, double[] lambda) {
        int d = lambda.length;
        if (n < d) {
            throw new IllegalArgumentException("Bartlett route needs n >= d");
        }
        double[][] factor = new double[d][];
        for (int i = 0; i < d; i++) {
            double scale = Math.sqrt(lambda[i] / n);
            factor[i] = new double[i + 1];
            for (int j = 0; j < i; j++) {
                factor[i][j] = scale * random.nextGaussian();
            }
            factor[i][i] = scale * Math.sqrt(chiSquared(n - i));
        }
        // S = B B^T with B lower triangular: entry (i, j), j <= i, sums over k <= j.
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++) {
            double[] rowI = factor[i];
            for (int j = 0; j <= i; j++) {
                double[] rowJ = factor[j];
                double sum = 0;
                for (int k = 0; k <= j; k++) {
                    sum += rowI[k] * rowJ[k];
                }
                covariance.data[i * d + j] = sum;
                covariance.data[j * d + i] = sum;
            }
        }
        return covariance;
    }

    /** Chi-squared with k degrees of freedom, as a sum of k squared normals for small k. */
    private double chiSquared(int k) {
        if (k <= 64) {
            double sum = 0;
            for (int i = 0; i < k; i++) {
                double g = random.nextGaussian();
                sum += g * g;
            }
            return sum;
        }
        // Marsaglia–Tsang gamma(k/2, 2) draw.
        double shape = k / 2.0;
        double a = shape - 1.0 / 3;
        double b = 1 / Math.sqrt(9 * a);
        while (true) {
            double g = random.nextGaussian();
            double v = 1 + b * g;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * g * g + a - a * v + a * Math.log(v)) {
                return 2 * a * v;
            }
        }
    }

    /** d x count matrix of independent standard normal seeds z. */
    DMatrixRMaj seeds(int d, int count) {
        DMatrixRMaj z = new DMatrixRMaj(d, count);
        for (int i = 0; i < z.data.length; i++) {
            z.data[i] = random.nextGaussian();
        }
        return z;
    }

    /** Eigenpairs in decreasing order: values[i], vectors column i. */
    record Eigen(double[] values, DMatrixRMaj vectors) {
    }

    /** Eigenpairs of a symmetric matrix (overwritten), decreasing, negative roundoff kept. */
    static Eigen symmetricEigen(DMatrixRMaj symmetric) {
        int size = symmetric.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eigen.decompose(symmetric)) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        Integer[] order = new Integer[size];
        double[] raw = new double[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            raw[i] = eigen.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, (a, b) -> Double.compare(raw[b], raw[a]));
        double[] values = new double[size];
        DMatrixRMaj vectors = new DMatrixRMaj(size, size);
        for (int rank = 0; rank < size; rank++) {
            values[rank] = raw[order[rank]];
            DMatrixRMaj vector = eigen.getEigenVector(order[rank]);
            for (int row = 0; row < size; row++) {
                vectors.data[row * size + rank] = vector.data[row];
            }
        }
        return new Eigen(values, vectors);
    }

    /**
     * The top {@code count} eigenvectors of S = X^T X / n as columns of a d x count matrix,
     * through the Gram matrix when n &lt;= d.
     */
    static DMatrixRMaj topSampleEigenvectors(DMatrixRMaj x, int count) {
        int n = x.numRows;
        int d = x.numCols;
        if (n > d) {
            DMatrixRMaj covariance = new DMatrixRMaj(d, d);
            CommonOps_DDRM.multTransA(x, x, covariance);
            Eigen eigen = symmetricEigen(covariance);
            DMatrixRMaj top = new DMatrixRMaj(d, count);
            CommonOps_DDRM.extract(eigen.vectors(), 0, d, 0, count, top, 0, 0);
            return top;
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, gram);
        Eigen eigen = symmetricEigen(gram);
        DMatrixRMaj directions = new DMatrixRMaj(n, count);
        CommonOps_DDRM.extract(eigen.vectors(), 0, n, 0, count, directions, 0, 0);
        DMatrixRMaj top = new DMatrixRMaj(d, count);
        CommonOps_DDRM.multTransA(x, directions, top);
        for (int col = 0; col < count; col++) {
            double norm = 0;
            for (int row = 0; row < d; row++) {
                norm += top.get(row, col) * top.get(row, col);
            }
            double scale = 1 / Math.sqrt(norm);
            for (int row = 0; row < d; row++) {
                top.set(row, col, top.get(row, col) * scale);
            }
        }
        return top;
    }

    /**
     * The learnt square root {@code S^(1/2)} (d x d) of one model fitted on n points: through
     * the Gram matrix ({@code n^(-1/2) X^T G^(-1/2) X}) for n &lt; d, else from a Bartlett draw
     * of S.
     */
    DMatrixRMaj learntSquareRoot(int n, double[] lambda) {
        int d = lambda.length;
        if (n >= d) {
            return function(symmetricEigen(bartlettCovariance(n, lambda)), Math::sqrt);
        }
        return learntSquareRoot(data(n, lambda));
    }

    /** {@code S^(1/2) = n^(-1/2) X^T G^(-1/2) X} for n x d data with n &lt; d. */
    static DMatrixRMaj learntSquareRoot(DMatrixRMaj x) {
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(x, x, gram);
        CommonOps_DDRM.scale(1.0 / n, gram);
        DMatrixRMaj inverseRoot = function(symmetricEigen(gram),
                v -> v > 0 ? 1 / Math.sqrt(v) : 0);
        DMatrixRMaj mixed = new DMatrixRMaj(n, d);
        CommonOps_DDRM.mult(inverseRoot, x, mixed);
        DMatrixRMaj root = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransA(x, mixed, root);
        CommonOps_DDRM.scale(1 / Math.sqrt(n), root);
        return root;
    }

    /**
     * Convergence of {@code pairs} independent pairs of models fitted on n = round(gamma d)
     * points each: per pair {mean cosine over {@code seedCount} seeds, trace form}. The two
     * models of a pair are built on two threads from their own seeded generators.
     */
    static double[][] convergencePairs(double[] lambda, double gamma, int pairs, int seedCount,
                                       long seed) {
        int d = lambda.length;
        int n = (int) Math.round(gamma * d);
        double[][] results = new double[pairs][];
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int pair = 0; pair < pairs; pair++) {
                long base = seed + 3L * pair;
                Future<DMatrixRMaj> first = pool.submit(
                        () -> new SpectrumSimulation(base).learntSquareRoot(n, lambda));
                Future<DMatrixRMaj> second = pool.submit(
                        () -> new SpectrumSimulation(base + 1).learntSquareRoot(n, lambda));
                DMatrixRMaj z = new SpectrumSimulation(base + 2).seeds(d, seedCount);
                results[pair] = convergence(first.get(), second.get(), z);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    /**
     * Convergence of one pair of learnt square roots over the seeds z (columns of Z):
     * {mean cosine of R1 z and R2 z, trace form tau(R1 R2) / sqrt(tau(R1^2) tau(R2^2))}.
     */
    static double[] convergence(DMatrixRMaj first, DMatrixRMaj second, DMatrixRMaj seeds) {
        int d = first.numRows;
        int count = seeds.numCols;
        DMatrixRMaj a = new DMatrixRMaj(d, count);
        DMatrixRMaj b = new DMatrixRMaj(d, count);
        CommonOps_DDRM.mult(first, seeds, a);
        CommonOps_DDRM.mult(second, seeds, b);
        double cosines = 0;
        for (int col = 0; col < count; col++) {
            double ab = 0;
            double aa = 0;
            double bb = 0;
            for (int row = 0; row < d; row++) {
                double x = a.data[row * count + col];
                double y = b.data[row * count + col];
                ab += x * y;
                aa += x * x;
                bb += y * y;
            }
            cosines += ab / Math.sqrt(aa * bb);
        }
        double cross = 0;
        double firstSquared = 0;
        double secondSquared = 0;
        for (int i = 0; i < first.data.length; i++) {
            cross += first.data[i] * second.data[i];
            firstSquared += first.data[i] * first.data[i];
            secondSquared += second.data[i] * second.data[i];
        }
        return new double[] {cosines / count, cross / Math.sqrt(firstSquared * secondSquared)};
    }

    /**
     * {@code W2^2(N(0, S), N(0, Sigma)) / Tr Sigma} for n x d data with n &lt;= d and diagonal
     * Sigma: {@code Tr S = |X|_F^2 / n}, and the non-zero eigenvalues of
     * {@code Sigma^(1/2) S Sigma^(1/2)} are those of the n x n Gram matrix of the rows of
     * {@code X Sigma^(1/2)}, divided by n.
     */
    static double wassersteinToPopulation(DMatrixRMaj x, double[] lambda) {
        int n = x.numRows;
        int d = x.numCols;
        DMatrixRMaj weighted = x.copy();
        double learntTrace = 0;
        double populationTrace = 0;
        for (int col = 0; col < d; col++) {
            populationTrace += lambda[col];
        }
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < d; col++) {
                double value = x.data[row * d + col];
                learntTrace += value * value / n;
                weighted.data[row * d + col] = value * Math.sqrt(lambda[col]);
            }
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(weighted, weighted, gram);
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eigen.decompose(gram)) {
            throw new IllegalStateException("eigendecomposition failed");
        }
        double fidelity = 0;
        for (int i = 0; i < n; i++) {
            fidelity += Math.sqrt(Math.max(0, eigen.getEigenvalue(i).getReal()) / n);
        }
        return (learntTrace + populationTrace - 2 * fidelity) / populationTrace;
    }

    /** {@code f(A) = V diag(f(e)) V^T} from an eigendecomposition. */
    static DMatrixRMaj function(Eigen eigen, java.util.function.DoubleUnaryOperator f) {
        int size = eigen.values().length;
        DMatrixRMaj scaled = eigen.vectors().copy();
        for (int col = 0; col < size; col++) {
            double factor = f.applyAsDouble(Math.max(0, eigen.values()[col]));
            for (int row = 0; row < size; row++) {
                scaled.data[row * size + col] *= factor;
            }
        }
        DMatrixRMaj result = new DMatrixRMaj(size, size);
        CommonOps_DDRM.multTransB(scaled, eigen.vectors(), result);
        return result;
    }
}
