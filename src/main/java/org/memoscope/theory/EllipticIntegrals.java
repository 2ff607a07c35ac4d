package org.memoscope.theory;

/**
 * Complete elliptic integrals of the first and second kind in the parameter
 * convention {@code m = k^2}:
 * <pre>
 *   K(m) = ∫_0^{pi/2} (1 - m sin^2 t)^(-1/2) dt,   E(m) = ∫_0^{pi/2} (1 - m sin^2 t)^(1/2) dt.
 * </pre>
 * Both come from the arithmetic–geometric mean (DLMF §19.8(i)): with a_0 = 1,
 * g_0 = sqrt(1 - m), c_0^2 = m and a_{j+1} = (a_j + g_j)/2, g_{j+1} = sqrt(a_j g_j),
 * c_{j+1} = (a_j - g_j)/2, one has {@code K = pi / (2 AGM)} and
 * {@code E = K (1 - sum_j 2^(j-1) c_j^2)}. The iteration converges quadratically;
 * results are accurate to about 1e-15 relative for 0 &lt;= m &lt; 1.
 * At m = 1, K is +Infinity and E = 1.
 */
public final class EllipticIntegrals {

    private static final int MAX_ITERATIONS = 40;

    private EllipticIntegrals() {
    }

    /** K(m) for 0 &lt;= m &lt;= 1; +Infinity at m = 1. */
    public static double firstKind(double m) {
        requireParameter(m);
        return firstKindOfComplement(1 - m);
    }

    /** E(m) for 0 &lt;= m &lt;= 1; exactly 1 at m = 1. */
    public static double secondKind(double m) {
        requireParameter(m);
        return secondKindOfComplement(1 - m);
    }

    /**
     * K as a function of the complementary parameter {@code mc = 1 - m}, for callers that
     * know mc more accurately than m (near m = 1, where K grows like ln(4 / sqrt(mc))).
     */
    static double firstKindOfComplement(double mc) {
        if (mc == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double a = 1;
        double g = Math.sqrt(mc);
        for (int j = 0; j < MAX_ITERATIONS && Math.abs(a - g) > 1e-16 * a; j++) {
            double next = (a + g) / 2;
            g = Math.sqrt(a * g);
            a = next;
        }
        return Math.PI / (2 * a);
    }

    /** E as a function of the complementary parameter {@code mc = 1 - m}. */
    static double secondKindOfComplement(double mc) {
        if (mc == 0) {
            return 1;
        }
        double a = 1;
        double g = Math.sqrt(mc);
        double power = 0.5;
        double sum = power * (1 - mc);
        for (int j = 0; j < MAX_ITERATIONS && Math.abs(a - g) > 1e-16 * a; j++) {
            double c = (a - g) / 2;
            double next = (a + g) / 2;
            g = Math.sqrt(a * g);
            a = next;
            power *= 2;
            sum += power * c * c;
        }
        return Math.PI / (2 * a) * (1 - sum);
    }

    private static void requireParameter(double m) {
        if (!(m >= 0 && m <= 1)) {
            throw new IllegalArgumentException("parameter m = k^2 must lie in [0, 1], got " + m);
        }
    }
}
