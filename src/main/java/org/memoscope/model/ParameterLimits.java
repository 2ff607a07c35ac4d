package org.memoscope.model;

import java.math.BigDecimal;

/**
 * The ranges the explorer window offers for each parameter. A preset or a shared
 * state must lie inside them, so that the window can show exactly what it
 * describes instead of clamping it to the nearest slider end.
 *
 * <p>{@link ExplorerParameters} itself only checks what makes sense
 * mathematically; these tighter bounds are what the window's controls reach
 * and what the theory and simulation are checked over.
 */
public final class ParameterLimits {

    /** A closed interval {@code min..max}. */
    public record Range(double min, double max) {

        public boolean contains(double value) {
            return value >= min && value <= max;
        }

        /** "min..max" in plain decimals: "0.01..100", "50..4000". */
        public String text() {
            return plain(min) + ".." + plain(max);
        }

        private static String plain(double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /** Load gamma = n/d at the cursor: the chart's axis. */
    public static final Range LOAD = new Range(1e-2, 1e2);

    /** Dimension d of the finite-size simulation (whole numbers). */
    public static final Range DIMENSION = new Range(50, 4000);

    /** Spike strength beta_k, for every k. */
    public static final Range SPIKE_STRENGTH = new Range(0, 10);

    /** Ridge lambda. */
    public static final Range RIDGE = new Range(0, 10);

    /** Seeds z drawn per pair of models (whole numbers). */
    public static final Range SEEDS = new Range(1, 512);

    /** Independent pairs of training sets per simulated load (whole numbers). */
    public static final Range REPETITIONS = new Range(1, 20);

    // ---- the "Spectra and data" view ------------------------------------------------------

    /** Load gamma = n/d at the data view's cursor: its chart's axis. */
    public static final Range DATA_LOAD = new Range(1e-3, 1e2);

    /** Power-law exponent alpha of spectra and fields. */
    public static final Range EXPONENT = new Range(0, 4);

    /** Side L of the L x L power-law fields (whole numbers). */
    public static final Range IMAGE_SIDE = new Range(8, 64);

    /** Dimension d of the abstract power-law spectrum (whole numbers). */
    public static final Range SPECTRUM_DIMENSION = new Range(16, 4096);

    /** Sampling seeds per n of the data experiment (whole numbers). */
    public static final Range DATA_SEEDS = new Range(2, 256);

    /** Latent factors Q_k shown by the data view (whole numbers). */
    public static final Range FACTORS = new Range(1, 5);

    /** Training-set sizes N per network of the "Denoiser pair" tab (whole numbers). */
    public static final Range PAIR_SAMPLE_COUNT = new Range(1, 30_000);

    /** How many sizes N one denoiser sweep takes at most. */
    public static final int PAIR_MAX_SIZES = 20;

    /** Training steps per network of the "Denoiser pair" tab (whole numbers). */
    public static final Range PAIR_STEPS = new Range(1, 1_000_000);

    /** UNet channels at full resolution of the "Denoiser pair" tab (whole numbers). */
    public static final Range PAIR_CHANNELS = new Range(1, 64);

    private ParameterLimits() {
    }
}
