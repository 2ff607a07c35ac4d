package org.memoscope.nn;

/**
 * Elementwise sum of two batches of the same shape, the additive skip connection:
 * {@code y = a + b}. Backward passes the gradient unchanged to both inputs:
 * {@code dL/da = dL/db = dL/dy}.
 */
public final class Add {

    private final Engine engine;

    private FeatureMaps output;

    public Add(Engine engine) {
        this.engine = engine;
    }

    /** The sum {@code first + second}. */
    public FeatureMaps forward(FeatureMaps first, FeatureMaps second) {
        if (!first.hasShapeOf(second)) {
            throw new IllegalArgumentException("cannot add " + first.shape() + " and "
                    + second.shape());
        }
        output = Layer.reuse(output, first.batch(), first.channels(), first.height(),
                first.width());
        float[] a = first.data();
        float[] b = second.data();
        float[] sum = output.data();
        engine.forEachRange(first.batch(), (from, to) -> {
            for (int i = first.planeOffset(from, 0); i < first.planeOffset(to, 0); i++) {
                sum[i] = a[i] + b[i];
            }
        });
        return output;
    }

    /** Both gradients are {@code outputGradient} itself (the same object, twice). */
    public GradientPair backward(FeatureMaps outputGradient) {
        return new GradientPair(outputGradient, outputGradient);
    }

    /** Adds {@code increment} into {@code total}, elementwise, split over the batch. */
    public static void addInto(FeatureMaps total, FeatureMaps increment, Engine engine) {
        if (!total.hasShapeOf(increment)) {
            throw new IllegalArgumentException("cannot add " + increment.shape() + " into "
                    + total.shape());
        }
        float[] target = total.data();
        float[] source = increment.data();
        engine.forEachRange(total.batch(), (from, to) -> {
            for (int i = total.planeOffset(from, 0); i < total.planeOffset(to, 0); i++) {
                target[i] += source[i];
            }
        });
    }
}
