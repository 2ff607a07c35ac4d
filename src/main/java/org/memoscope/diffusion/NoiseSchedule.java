package org.memoscope.diffusion;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A variance-preserving noise schedule: a ladder of K noise levels at which the sampler
 * evaluates the denoiser, and the range from which training draws its levels.
 *
 * <p>At level k the noisy image is {@code x_k = sqrt(abar_k) x_0 + sqrt(1 - abar_k) eps} with
 * {@code eps ~ N(0, I)}, so data of unit variance keep unit variance at every level. Written
 * in the noise-to-signal ratio {@code s_k = (1 - abar_k) / abar_k}, the rescaled image
 * {@code x_k / sqrt(abar_k) = x_0 + sqrt(s_k) eps} is the data plus noise of variance
 * {@code s_k}: the form in which the Wiener filter {@code S (S + s I)^-1} is written
 * (theory.md, section 2). The ladder is geometric in s, from {@code s_1 = minNoise} to
 * {@code s_K = maxNoise}; level 0 ({@code s_0 = 0}, {@code abar_0 = 1}) is the clean data.
 *
 * <p>Training draws s log-uniformly over {@code [minNoise, maxNoise]}, which weights every
 * octave of noise alike. The top level must dominate the data's largest eigenvalue, so that
 * the sampler starts from what a real noisy input at that level looks like (theory.md,
 * pitfall "Start the sampler on the training distribution").
 *
 * @param levels   K, the number of noise levels the sampler visits, 2..10000
 * @param minNoise s_1, the smallest noise-to-signal ratio, > 0
 * @param maxNoise s_K, the largest, > minNoise
 */
public record NoiseSchedule(int levels, double minNoise, double maxNoise) {

    /** The default: 80 levels from s = 1e-3 to s = 1e4 (abar_K about 1e-4). */
    public static final NoiseSchedule DEFAULT = new NoiseSchedule(80, 1e-3, 1e4);

    public NoiseSchedule {
        if (levels < 2 || levels > 10_000) {
            throw new IllegalArgumentException("levels must be in 2..10000, got " + levels);
        }
        if (!(minNoise > 0) || !(maxNoise > minNoise) || Double.isInfinite(maxNoise)) {
            throw new IllegalArgumentException("need 0 < minNoise < maxNoise < infinity, got "
                    + minNoise + " and " + maxNoise);
        }
    }

    /** The noise-to-signal ratio s_k of level k, 0..K (s_0 = 0). */
    public double noiseToSignal(int level) {
        if (level < 0 || level > levels) {
            throw new IndexOutOfBoundsException("level " + level + " outside 0.." + levels);
        }
        if (level == 0) {
            return 0;
        }
        double fraction = levels == 1 ? 0 : (level - 1) / (double) (levels - 1);
        return minNoise * Math.pow(maxNoise / minNoise, fraction);
    }

    /** {@code abar_k = 1 / (1 + s_k)}, the signal share of level k. */
    public double alphaBar(int level) {
        return 1 / (1 + noiseToSignal(level));
    }

    /** The noise-to-signal ratios s_1..s_K, ascending. */
    public double[] noiseLadder() {
        double[] ladder = new double[levels];
        for (int k = 1; k <= levels; k++) {
            ladder[k - 1] = noiseToSignal(k);
        }
        return ladder;
    }

    /** {@code count} ratios spread geometrically over the range, for per-level measures. */
    public double[] measurementLevels(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one level");
        }
        double[] ratios = new double[count];
        for (int i = 0; i < count; i++) {
            double fraction = count == 1 ? 0.5 : i / (double) (count - 1);
            ratios[i] = minNoise * Math.pow(maxNoise / minNoise, fraction);
        }
        return ratios;
    }

    /** A training level: s drawn log-uniformly over {@code [minNoise, maxNoise]}. */
    public double drawTrainingNoise(SplittableRandom random) {
        return minNoise * Math.pow(maxNoise / minNoise, random.nextDouble());
    }

    /** A canonical text form, part of the cache key. */
    public String key() {
        return String.format(Locale.ROOT, "vp:%d:%s:%s", levels, Double.toString(minNoise),
                Double.toString(maxNoise));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "VP, %d levels, s = %.3g..%.3g", levels, minNoise,
                maxNoise);
    }
}
