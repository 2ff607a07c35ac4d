package org.memoscope.theory;

/**
 * The error function and its complement for real arguments, to about 1e-15 relative.
 *
 * <p>For {@code 0 <= x <= 2.5} the series with positive terms
 * {@code erf x = (2/sqrt pi) e^(-x^2) sum_k 2^k x^(2k+1) / (1·3···(2k+1))} (DLMF 7.6.2)
 * gives erf without cancellation, and erfc = 1 - erf. For {@code x > 2.5} the
 * Laplace continued fraction {@code erfc x = e^(-x^2)/sqrt(pi) · 1/(x + (1/2)/(x + 1/(x +
 * (3/2)/(x + ...))))} (DLMF 7.9.2), evaluated by the modified Lentz method, gives erfc
 * with full relative accuracy deep in the tail. Negative arguments use oddness of erf.
 */
final class ErrorFunction {

    private static final double SERIES_LIMIT = 2.5;
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double TINY = 1e-300;

    private ErrorFunction() {
    }

    /** erf(x). */
    static double erf(double x) {
        if (x < 0) {
            return -erf(-x);
        }
        if (x <= SERIES_LIMIT) {
            return series(x);
        }
        return 1 - scaledComplement(x) * Math.exp(-x * x);
    }

    /** erfc(x) = 1 - erf(x). */
    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x <= SERIES_LIMIT) {
            return 1 - series(x);
        }
        return scaledComplement(x) * Math.exp(-x * x);
    }

    /** erfcx(x) = e^(x^2) erfc(x) for x &gt;= 0, finite for all such x. */
    static double erfcx(double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException("erfcx needs x >= 0, got " + x);
        }
        if (x <= SERIES_LIMIT) {
            return Math.exp(x * x) * (1 - series(x));
        }
        return scaledComplement(x);
    }

    /** erf by the positive series, 0 &lt;= x &lt;= 2.5. */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int k = 1; k < 200; k++) {
            term *= 2 * x2 / (2 * k + 1);
            sum += term;
            if (term <= 1e-17 * sum) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    /** e^(x^2) erfc(x) by the continued fraction, x &gt; 2.5 (modified Lentz). */
    private static double scaledComplement(double x) {
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = x + a / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return INV_SQRT_PI / f;
    }
}
