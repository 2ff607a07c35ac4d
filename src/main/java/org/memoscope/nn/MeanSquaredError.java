package org.memoscope.nn;

/**
 * The mean squared error over all M = N x C x H x W values,
 * {@code L = (1/M) sum (p - t)^2}, with gradient {@code dL/dp = 2 (p - t) / M}.
 *
 * <p>The sum is accumulated in double per image and the images added in order, so the
 * loss does not depend on the number of threads.
 */
public final class MeanSquaredError {

    private final Engine engine;

    private FeatureMaps gradient;

    private double[] imageSums = new double[0];

    public MeanSquaredError(Engine engine) {
        this.engine = engine;
    }

    /** The loss of {@code prediction} against {@code target}; also computes the gradient. */
    public double loss(FeatureMaps prediction, FeatureMaps target) {
        if (!prediction.hasShapeOf(target)) {
            throw new IllegalArgumentException("prediction " + prediction.shape()
                    + " and target " + target.shape() + " differ in shape");
        }
        int batch = prediction.batch();
        gradient = Layer.reuse(gradient, batch, prediction.channels(), prediction.height(),
                prediction.width());
        if (imageSums.length < batch) {
            imageSums = new double[batch];
        }
        float[] p = prediction.data();
        float[] t = target.data();
        float[] g = gradient.data();
        float scale = (float) (2.0 / ((double) batch * prediction.channels()
                * prediction.height() * prediction.width()));
        engine.forEachRange(batch, (from, to) -> {
            for (int n = from; n < to; n++) {
                double sum = 0;
                for (int i = prediction.planeOffset(n, 0); i < prediction.planeOffset(n + 1, 0);
                        i++) {
                    float difference = p[i] - t[i];
                    sum += (double) difference * difference;
                    g[i] = scale * difference;
                }
                imageSums[n] = sum;
            }
        });
        double total = 0;
        for (int n = 0; n < batch; n++) {
            total += imageSums[n];
        }
        return total * scale / 2;
    }

    /** dL/d(prediction) from the last {@link #loss} call (owned by this object). */
    public FeatureMaps gradient() {
        return gradient;
    }
}
