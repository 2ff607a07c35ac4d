package org.memoscope.sim;

/**
 * Seeds of the random draws of a simulation, derived from the root seed of the
 * parameters and the coordinates of the draw (dimension, sample count,
 * repetition, what is drawn, which one), so that every draw is reproducible on
 * its own: a point's numbers do not depend on thread count, on the order in
 * which points are computed, or on which other points are.
 *
 * <p>Derivation: {@code h_0 = mix(root)}, {@code h_{i+1} = mix(h_i + G * (key_i + 1))}
 * with {@code G = 0x9e3779b97f4a7c15} (the golden-ratio increment) and {@code mix}
 * the 64-bit finaliser of SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014). The result seeds a
 * {@link java.util.SplittableRandom}.
 */
final class DrawSeeds {

    /** Kind of draw: the training set of one model. */
    static final int TRAINING_SET = 1;
    /** Kind of draw: one sampling seed z shared by the two models. */
    static final int SAMPLING_SEED = 2;

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private DrawSeeds() {
    }

    /** The seed of the draw at {@code keys} under {@code root}. */
    static long derive(long root, long... keys) {
        long state = mix(root);
        for (long key : keys) {
            state = mix(state + GOLDEN_GAMMA * (key + 1));
        }
        return state;
    }

    /** Seed of model {@code model}'s training set (model 0 or 1) in one repetition. */
    static long trainingSet(long root, int dimension, int sampleCount, int repetition,
                            int model) {
        return derive(root, dimension, sampleCount, repetition, TRAINING_SET, model);
    }

    /** Seed of sampling seed number {@code index} in one repetition. */
    static long samplingSeed(long root, int dimension, int sampleCount, int repetition,
                             int index) {
        return derive(root, dimension, sampleCount, repetition, SAMPLING_SEED, index);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
