package org.memoscope.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BbpTransitionTest {

    @Test
    void thresholdIsInverseSquare() {
        // Exact arithmetic on representable values.
        assertEquals(0.25, BbpTransition.threshold(2), 0.0);
        assertEquals(4.0, BbpTransition.threshold(0.5), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, BbpTransition.threshold(0), 0.0);
    }

    @Test
    void recoveryByHand() {
        // Hand-computed from (1 - 1/(gamma beta^2)) / (1 + 1/(gamma beta));
        // a few roundings: 1e-15.
        assertEquals(1.0 / 3, BbpTransition.latentRecovery(2, 1), 1e-15);
        assertEquals(0.5, BbpTransition.latentRecovery(1, 2), 1e-15);
        assertEquals(0.4, BbpTransition.latentRecovery(8, 0.5), 1e-15);
        assertEquals(0.0, BbpTransition.latentRecovery(3.9, 0.5), 0.0);
        assertEquals(0.0, BbpTransition.latentRecovery(100, 0), 0.0);
    }

    @Test
    void recoveryIsContinuousAtThreshold() {
        // Q is linear in the distance above threshold: at gamma_c (1 + 1e-9), Q ~ 1e-9.
        for (double beta : new double[] {0.3, 1, 3, 10}) {
            double critical = BbpTransition.threshold(beta);
            assertEquals(0.0, BbpTransition.latentRecovery(critical, beta), 0.0);
            assertEquals(0.0, BbpTransition.latentRecovery(critical * (1 + 1e-9), beta), 1e-8);
        }
    }

    @Test
    void recoveryTendsToOneAtLargeLoad() {
        // 1 - Q = O(1/gamma): (1/beta + 1/beta^2)/gamma to leading order; allow twice that.
        double beta = 1.5;
        for (double gamma : new double[] {1e2, 1e4, 1e6}) {
            double deficit = 1 - BbpTransition.latentRecovery(gamma, beta);
            assertTrue(deficit > 0 && deficit < 2 * (1 / beta + 1 / (beta * beta)) / gamma,
                    "gamma = " + gamma + ", 1 - Q = " + deficit);
        }
    }

    @Test
    void topEigenvalueMeetsBulkEdgeAtThreshold() {
        // Both equal (1 + beta)^2 at gamma = 1/beta^2; roundings only: 1e-12 relative.
        for (double beta : new double[] {0.2, 1, 4}) {
            double critical = BbpTransition.threshold(beta);
            double edge = MarchenkoPastur.bulkEdge(critical);
            assertEquals((1 + beta) * (1 + beta), edge, 1e-12 * edge);
            double above = (1 + beta) * (1 + 1 / (critical * (1 + 1e-12) * beta));
            assertEquals(edge, above, 1e-10 * edge);
            assertEquals(edge, BbpTransition.topEigenvalue(critical, beta), 1e-12 * edge);
            double gamma = 4 * critical;
            assertTrue(BbpTransition.topEigenvalue(gamma, beta) > MarchenkoPastur.bulkEdge(gamma));
        }
        assertEquals(MarchenkoPastur.bulkEdge(7), BbpTransition.topEigenvalue(7, 0), 0.0);
    }
}
