package org.memoscope.diffusion;

import java.util.SplittableRandom;

/**
 * One seeded random stream per generated sample, so that sample j sees the same initial
 * noise and the same injected noise whichever denoiser runs it and however the samples are
 * batched: the two networks of a pair are compared on exactly the same noise.
 */
final class NoiseStreams {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private NoiseStreams() {
    }

    /** The stream of sample {@code index} under root seed {@code seed}. */
    static SplittableRandom stream(long seed, int index) {
        return new SplittableRandom(mix(seed + GOLDEN * (index + 1L)));
    }

    /** A well-mixed derived seed (the finaliser of SplitMix64). */
    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Fills {@code target[offset .. offset + length)} with standard normal draws. */
    static void gaussians(SplittableRandom random, double[] target, int offset, int length) {
        for (int i = 0; i < length; i++) {
            target[offset + i] = random.nextGaussian();
        }
    }
}
