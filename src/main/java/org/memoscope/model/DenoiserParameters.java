package org.memoscope.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the "Denoiser pair" tab's controls hold: the image source, the training-set sizes N
 * of the sweep, the training steps and UNet channels of each network, and the root seed of
 * the experiment (splits, weights, training and sampling noise).
 *
 * <p>Only what makes sense is checked here (a known source, sizes inside
 * {@link ParameterLimits}, no size twice); presets and state texts check the same limits
 * and name the field that breaks them. The sizes are kept sorted ascending.
 *
 * @param data          {@link #FASHION_MNIST} or {@link #POWER_LAW}
 * @param sampleCounts  the N of the sweep, 1 to {@link ParameterLimits#PAIR_MAX_SIZES}
 * @param steps         training steps per network
 * @param channels      UNet channels at full resolution
 * @param seed          root seed of the experiment
 */
public record DenoiserParameters(String data, int[] sampleCounts, int steps, int channels,
                                 long seed) {

    /** Fashion-MNIST training images (the Debian package dataset-fashion-mnist). */
    public static final String FASHION_MNIST = "fashion-mnist";

    /** Gaussian fields with a power-law spectrum, generated on the spot. */
    public static final String POWER_LAW = "powerlaw";

    public DenoiserParameters {
        Objects.requireNonNull(data, "data");
        if (!data.equals(FASHION_MNIST) && !data.equals(POWER_LAW)) {
            throw new IllegalArgumentException("data must be " + FASHION_MNIST + " or "
                    + POWER_LAW + ", got " + data);
        }
        sampleCounts = sampleCounts.clone();
        Arrays.sort(sampleCounts);
        if (sampleCounts.length < 1 || sampleCounts.length > ParameterLimits.PAIR_MAX_SIZES) {
            throw new IllegalArgumentException("1 to " + ParameterLimits.PAIR_MAX_SIZES
                    + " sizes N, got " + sampleCounts.length);
        }
        for (int k = 0; k < sampleCounts.length; k++) {
            if (!ParameterLimits.PAIR_SAMPLE_COUNT.contains(sampleCounts[k])) {
                throw new IllegalArgumentException("N must be in "
                        + ParameterLimits.PAIR_SAMPLE_COUNT.text() + ", got " + sampleCounts[k]);
            }
            if (k > 0 && sampleCounts[k] == sampleCounts[k - 1]) {
                throw new IllegalArgumentException("N = " + sampleCounts[k] + " is given twice");
            }
        }
        if (!ParameterLimits.PAIR_STEPS.contains(steps)) {
            throw new IllegalArgumentException("steps must be in "
                    + ParameterLimits.PAIR_STEPS.text() + ", got " + steps);
        }
        if (!ParameterLimits.PAIR_CHANNELS.contains(channels)) {
            throw new IllegalArgumentException("channels must be in "
                    + ParameterLimits.PAIR_CHANNELS.text() + ", got " + channels);
        }
    }

    @Override
    public int[] sampleCounts() {
        return sampleCounts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DenoiserParameters that && data.equals(that.data)
                && Arrays.equals(sampleCounts, that.sampleCounts) && steps == that.steps
                && channels == that.channels && seed == that.seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, Arrays.hashCode(sampleCounts), steps, channels, seed);
    }

    @Override
    public String toString() {
        return "DenoiserParameters[data=" + data + ", sampleCounts="
                + Arrays.toString(sampleCounts) + ", steps=" + steps + ", channels=" + channels
                + ", seed=" + seed + "]";
    }
}
