package org.memoscope.nn;

/**
 * Channel concatenation of two batches of the same batch size and image size:
 * {@code y[n] = (a[n, 0..C_a-1], b[n, 0..C_b-1])}. Backward splits the gradient the same
 * way: {@code dL/da = dL/dy[:, 0..C_a-1]}, {@code dL/db = dL/dy[:, C_a..]}.
 */
public final class Concat {

    private final Engine engine;

    private FeatureMaps output;

    private FeatureMaps firstGradient;

    private FeatureMaps secondGradient;

    private int firstChannels;

    public Concat(Engine engine) {
        this.engine = engine;
    }

    /** The channels of {@code first} followed by those of {@code second}. */
    public FeatureMaps forward(FeatureMaps first, FeatureMaps second) {
        if (first.batch() != second.batch() || first.height() != second.height()
                || first.width() != second.width()) {
            throw new IllegalArgumentException("cannot concatenate " + first.shape() + " and "
                    + second.shape());
        }
        firstChannels = first.channels();
        output = Layer.reuse(output, first.batch(), first.channels() + second.channels(),
                first.height(), first.width());
        FeatureMaps out = output;
        engine.forEachRange(first.batch(), (from, to) -> {
            for (int n = from; n < to; n++) {
                copyPlanes(first, n, 0, out, n, 0, first.channels());
                copyPlanes(second, n, 0, out, n, first.channels(), second.channels());
            }
        });
        return output;
    }

    /** The gradient split back into the parts of the two inputs. */
    public GradientPair backward(FeatureMaps outputGradient) {
        if (output == null || !outputGradient.hasShapeOf(output)) {
            throw new IllegalStateException("backward needs a gradient shaped like the last "
                    + "forward output");
        }
        int batch = output.batch();
        int secondChannels = output.channels() - firstChannels;
        firstGradient = Layer.reuse(firstGradient, batch, firstChannels, output.height(),
                output.width());
        secondGradient = Layer.reuse(secondGradient, batch, secondChannels, output.height(),
                output.width());
        FeatureMaps first = firstGradient;
        FeatureMaps second = secondGradient;
        engine.forEachRange(batch, (from, to) -> {
            for (int n = from; n < to; n++) {
                copyPlanes(outputGradient, n, 0, first, n, 0, firstChannels);
                copyPlanes(outputGradient, n, firstChannels, second, n, 0, secondChannels);
            }
        });
        return new GradientPair(firstGradient, secondGradient);
    }

    private static void copyPlanes(FeatureMaps from, int fromImage, int fromChannel,
            FeatureMaps to, int toImage, int toChannel, int channels) {
        System.arraycopy(from.data(), from.planeOffset(fromImage, fromChannel), to.data(),
                to.planeOffset(toImage, toChannel), channels * from.planeStride());
    }
}
