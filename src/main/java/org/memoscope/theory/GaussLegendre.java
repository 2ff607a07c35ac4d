package org.memoscope.theory;

/**
 * Gauss–Legendre quadrature rules: nodes and weights of the n-point rule on [-1, 1],
 * exact for polynomials of degree up to 2n - 1.
 *
 * <p>The nodes are the zeros of the Legendre polynomial P_n, found by Newton's method
 * from the Tricomi-type initial guess {@code cos(pi (i - 1/4) / (n + 1/2))}; the weight
 * of node x is {@code 2 / ((1 - x^2) P_n'(x)^2)} (DLMF §3.5(v)). P_n and its derivative
 * come from the three-term recurrence {@code (k+1) P_{k+1} = (2k+1) x P_k - k P_{k-1}}.
 * Nodes and weights are accurate to a few ulps for n up to several thousand.
 *
 * <p>{@link #graded} builds a composite rule refined geometrically towards one end
 * (panels [L 2^-(j+1), L 2^-j]), the standard remedy for integrands with a near-singular
 * feature of unknown small width at an endpoint: every panel sees the feature at a
 * distance comparable to its own size, so a few nodes per panel keep their full accuracy.
 */
final class GaussLegendre {

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n-point rule on [-1, 1], nodes in increasing order. */
    static GaussLegendre of(int pointCount) {
        if (pointCount < 1) {
            throw new IllegalArgumentException("need at least one node, got " + pointCount);
        }
        int n = pointCount;
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            double root = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] values = legendreAndDerivative(n, root);
                derivative = values[1];
                double step = values[0] / derivative;
                root -= step;
                if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(root))) {
                    derivative = legendreAndDerivative(n, root)[1];
                    break;
                }
            }
            double weight = 2 / ((1 - root * root) * derivative * derivative);
            x[n - 1 - i] = root;
            x[i] = -root;
            w[i] = weight;
            w[n - 1 - i] = weight;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0;
        }
        return new GaussLegendre(x, w);
    }

    /** P_n(x) and P_n'(x) by the three-term recurrence. */
    private static double[] legendreAndDerivative(int n, double x) {
        double previous = 1;
        double current = x;
        for (int k = 1; k < n; k++) {
            double next = ((2 * k + 1) * x * current - k * previous) / (k + 1);
            previous = current;
            current = next;
        }
        double derivative = n * (x * current - previous) / (x * x - 1);
        return new double[] {current, derivative};
    }

    /**
     * Composite rule on [0, length], refined towards 0: {@code levels} geometric panels
     * [length 2^-(j+1), length 2^-j] for j = 0 .. levels-1 plus [0, length 2^-levels], each
     * with {@code pointsPerPanel} nodes. Returns {nodes, weights}.
     */
    static double[][] graded(double length, int levels, int pointsPerPanel) {
        GaussLegendre panel = of(pointsPerPanel);
        int total = (levels + 1) * pointsPerPanel;
        double[] x = new double[total];
        double[] w = new double[total];
        double upper = length;
        for (int j = 0; j <= levels; j++) {
            double lower = j == levels ? 0 : upper / 2;
            System.arraycopy(panel.nodes(lower, upper), 0, x, j * pointsPerPanel, pointsPerPanel);
            System.arraycopy(panel.weights(lower, upper), 0, w, j * pointsPerPanel,
                    pointsPerPanel);
            upper = lower;
        }
        return new double[][] {x, w};
    }

    int size() {
        return nodes.length;
    }

    /** Nodes mapped affinely to [a, b]. */
    double[] nodes(double a, double b) {
        double[] mapped = new double[nodes.length];
        double half = (b - a) / 2;
        double middle = (a + b) / 2;
        for (int i = 0; i < nodes.length; i++) {
            mapped[i] = middle + half * nodes[i];
        }
        return mapped;
    }

    /** Weights for the rule mapped affinely to [a, b]. */
    double[] weights(double a, double b) {
        double[] mapped = new double[weights.length];
        double half = (b - a) / 2;
        for (int i = 0; i < weights.length; i++) {
            mapped[i] = half * weights[i];
        }
        return mapped;
    }
}
