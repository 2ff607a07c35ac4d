package org.memoscope.theory;

/**
 * A population spectrum replaced by a short weighted list of positive nodes with the same
 * normalised traces of smooth functions, up to a controlled error.
 *
 * <p>The distinct eigenvalues are grouped, from the top down, into bins of width at most
 * {@code binWidth} in ln(lambda). A bin holding one or two distinct values is kept exactly,
 * so the isolated top eigenvalues of a steep spectrum, which carry a finite share of the
 * trace, are never merged. A bin holding more is replaced by the two-point Gauss rule of its
 * own empirical measure (nodes and weights from its mean, variance and third central moment),
 * which reproduces the bin's weight and its first three moments exactly, so {@code tau(Sigma)},
 * {@code tau(Sigma^2)} and {@code tau(Sigma^3)} are unchanged. For a function f the error per
 * unit weight is at most {@code max|f''''| / 24 · (w^2/8)^2}, w the bin's width in lambda
 * (Gauss quadrature remainder; the monic quadratic orthogonal to the bin's measure has a
 * smaller mean square than the monic Chebyshev polynomial, whose maximum is w^2/8). For
 * {@code f = lambda / (lambda + kappa)}, {@code |f''''| <= 1.97 / lambda^4} whatever kappa
 * is, and bin width 0.1 in ln(lambda) gives at most 1.6e-7 per unit weight; the measured
 * effect on q is at most 3e-8 (power laws alpha = 0.25 to 2 and a random spectrum,
 * d = 4096).
 */
final class CompressedSpectrum {

    /** Default bin width in ln(lambda). */
    static final double DEFAULT_BIN_WIDTH = 0.1;

    final double[] values;
    final double[] weights;
    final double nonzeroShare;
    final double zeroShare;
    final double mean;
    final double meanInverse;

    private CompressedSpectrum(double[] values, double[] weights, int count, double zeroShare) {
        this.values = java.util.Arrays.copyOf(values, count);
        this.weights = java.util.Arrays.copyOf(weights, count);
        double share = 0;
        double sum = 0;
        double inverse = 0;
        for (int i = 0; i < count; i++) {
            share += weights[i];
            sum += weights[i] * values[i];
            inverse += weights[i] / values[i];
        }
        this.nonzeroShare = share;
        this.zeroShare = zeroShare;
        this.mean = sum;
        this.meanInverse = inverse;
    }

    /** Every distinct value kept, with weight multiplicity / d. */
    static CompressedSpectrum exact(PopulationSpectrum spectrum) {
        return of(spectrum, 0);
    }

    /** Bins of width {@code binWidth} in ln(lambda); 0 keeps every distinct value. */
    static CompressedSpectrum of(PopulationSpectrum spectrum, double binWidth) {
        int distinct = spectrum.distinctCount();
        double d = spectrum.dimension();
        double[] values = new double[distinct];
        double[] weights = new double[distinct];
        int count = 0;
        int start = 0;
        while (start < distinct) {
            double top = Math.log(spectrum.distinctValue(start));
            int end = start + 1;
            while (end < distinct && top - Math.log(spectrum.distinctValue(end)) <= binWidth) {
                end++;
            }
            if (end - start <= 2) {
                for (int i = start; i < end; i++) {
                    values[count] = spectrum.distinctValue(i);
                    weights[count] = spectrum.multiplicity(i) / d;
                    count++;
                }
            } else {
                count = addGaussPair(spectrum, start, end, d, values, weights, count);
            }
            start = end;
        }
        return new CompressedSpectrum(values, weights, count, spectrum.zeroCount() / d);
    }

    /** Two-point Gauss rule of the values start..end-1 (more than two), appended at count. */
    private static int addGaussPair(PopulationSpectrum spectrum, int start, int end, double d,
                                    double[] values, double[] weights, int count) {
        double total = 0;
        double first = 0;
        for (int i = start; i < end; i++) {
            total += spectrum.multiplicity(i);
            first += spectrum.multiplicity(i) * spectrum.distinctValue(i);
        }
        double centre = first / total;
        double second = 0;
        double third = 0;
        for (int i = start; i < end; i++) {
            double deviation = spectrum.distinctValue(i) - centre;
            second += spectrum.multiplicity(i) * deviation * deviation;
            third += spectrum.multiplicity(i) * deviation * deviation * deviation;
        }
        double spread = Math.sqrt(second / total);
        double skew = third / total / (spread * spread * spread);
        double root = Math.sqrt(skew * skew + 4);
        // Standardised nodes are the roots of y^2 - skew y - 1; both lie inside the bin.
        double upper = skew >= 0 ? (skew + root) / 2 : 2 / (root - skew);
        double lower = -1 / upper;
        double share = total / d;
        values[count] = centre + spread * upper;
        weights[count] = share * (-lower) / (upper - lower);
        values[count + 1] = centre + spread * lower;
        weights[count + 1] = share * upper / (upper - lower);
        return count + 2;
    }

    int size() {
        return values.length;
    }

    double largest() {
        return values[0];
    }

    double smallest() {
        return values[values.length - 1];
    }
}
