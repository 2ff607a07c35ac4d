package org.memoscope.diffusion;

/**
 * Which side of the memorisation-generalisation transition a pair of networks is on, read
 * from the memorisation m, its fresh-image baseline b and the convergence q:
 * <ul>
 *   <li>{@link #MEMORISING}: samples sit much closer to a training image than real images
 *       do, {@code (m - b) / (1 - b) >= 0.5}, and the two networks disagree, {@code q < 0.5};</li>
 *   <li>{@link #GENERALISING}: samples are as novel as real images,
 *       {@code (m - b) / (1 - b) <= 0.2}, and the two networks agree, {@code q >= 0.6};</li>
 *   <li>{@link #TRANSITION}: anything else;</li>
 *   <li>{@link #UNTRAINED}, before all of these: the networks denoise their own training
 *       images, averaged over the noise levels, with an error of at least
 *       {@value #UNTRAINED_ERROR} (per pixel, on data of unit variance, where returning the
 *       mean image scores about 1); m and q then describe the initial weights, not what was
 *       learnt (two residual networks that learnt nothing return the same noise, q near 1).</li>
 * </ul>
 * The normalised excess {@code (m - b) / (1 - b)} is 1 for exact copies and 0 at the
 * baseline. The thresholds are conventions for a label, not results.
 */
public enum Regime {

    MEMORISING("memorising"),
    TRANSITION("transition"),
    GENERALISING("generalising"),
    UNTRAINED("not trained enough");

    /** Mean training error at or above which the networks count as untrained. */
    public static final double UNTRAINED_ERROR = 0.9;

    /** Normalised memorisation excess at or above which samples count as copies. */
    public static final double COPY_EXCESS = 0.5;

    /** Normalised excess at or below which samples count as novel. */
    public static final double NOVEL_EXCESS = 0.2;

    /** Convergence below which the networks count as disagreeing. */
    public static final double DISAGREE = 0.5;

    /** Convergence at or above which the networks count as agreeing. */
    public static final double AGREE = 0.6;

    private final String label;

    Regime(String label) {
        this.label = label;
    }

    /**
     * The regime of memorisation m, baseline b and convergence q, for networks whose mean
     * denoising error on their own training images is {@code trainError}.
     */
    public static Regime classify(double memorisation, double baseline, double convergence,
                                  double trainError) {
        if (!(trainError < UNTRAINED_ERROR)) {
            return UNTRAINED;
        }
        return classify(memorisation, baseline, convergence);
    }

    /** The regime of memorisation m, baseline b and convergence q. */
    public static Regime classify(double memorisation, double baseline, double convergence) {
        double excess = excess(memorisation, baseline);
        if (excess >= COPY_EXCESS && convergence < DISAGREE) {
            return MEMORISING;
        }
        if (excess <= NOVEL_EXCESS && convergence >= AGREE) {
            return GENERALISING;
        }
        return TRANSITION;
    }

    /** {@code (m - b) / (1 - b)}: 1 for copies, 0 at the fresh-image baseline. */
    public static double excess(double memorisation, double baseline) {
        double room = 1 - baseline;
        return room > 1e-9 ? (memorisation - baseline) / room : 0;
    }

    /** Lower-case label for tables and the window. */
    public String label() {
        return label;
    }
}
