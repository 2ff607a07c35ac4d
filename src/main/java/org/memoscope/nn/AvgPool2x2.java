package org.memoscope.nn;

/**
 * 2x2 average pooling with stride 2, halving height and width (both must be even):
 * {@code y[i, j] = (x[2i, 2j] + x[2i, 2j+1] + x[2i+1, 2j] + x[2i+1, 2j+1]) / 4}.
 * Backward spreads each output gradient evenly over its four inputs:
 * {@code dL/dx[2i + a, 2j + b] = dL/dy[i, j] / 4}.
 */
public final class AvgPool2x2 implements Layer {

    private final Engine engine;

    private FeatureMaps output;

    private FeatureMaps inputGradient;

    public AvgPool2x2(Engine engine) {
        this.engine = engine;
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        if (input.height() % 2 != 0 || input.width() % 2 != 0) {
            throw new IllegalArgumentException("pooling needs even sides: " + input.shape());
        }
        output = Layer.reuse(output, input.batch(), input.channels(), input.height() / 2,
                input.width() / 2);
        FeatureMaps out = output;
        engine.forEachRange(input.batch(), (from, to) -> pool(input, out, from, to));
        return output;
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        if (output == null || !outputGradient.hasShapeOf(output)) {
            throw new IllegalStateException("backward needs a gradient shaped like the last "
                    + "forward output");
        }
        inputGradient = Layer.reuse(inputGradient, output.batch(), output.channels(),
                output.height() * 2, output.width() * 2);
        FeatureMaps gradIn = inputGradient;
        engine.forEachRange(output.batch(), (from, to) -> spread(outputGradient, gradIn, from,
                to));
        return inputGradient;
    }

    private static void pool(FeatureMaps in, FeatureMaps out, int from, int to) {
        float[] source = in.data();
        float[] target = out.data();
        int inRow = in.rowStride();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < in.channels(); c++) {
                int inPlane = in.planeOffset(n, c);
                int outPlane = out.planeOffset(n, c);
                for (int i = 0; i < out.height(); i++) {
                    int top = inPlane + (2 * i + 1) * inRow + 1;
                    int row = outPlane + (i + 1) * out.rowStride() + 1;
                    for (int j = 0; j < out.width(); j++) {
                        int corner = top + 2 * j;
                        target[row + j] = 0.25f * (source[corner] + source[corner + 1]
                                + source[corner + inRow] + source[corner + inRow + 1]);
                    }
                }
            }
        }
    }

    private static void spread(FeatureMaps outGrad, FeatureMaps inGrad, int from, int to) {
        float[] source = outGrad.data();
        float[] target = inGrad.data();
        int inRow = inGrad.rowStride();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < outGrad.channels(); c++) {
                int inPlane = inGrad.planeOffset(n, c);
                int outPlane = outGrad.planeOffset(n, c);
                for (int i = 0; i < outGrad.height(); i++) {
                    int top = inPlane + (2 * i + 1) * inRow + 1;
                    int row = outPlane + (i + 1) * outGrad.rowStride() + 1;
                    for (int j = 0; j < outGrad.width(); j++) {
                        float share = 0.25f * source[row + j];
                        int corner = top + 2 * j;
                        target[corner] = share;
                        target[corner + 1] = share;
                        target[corner + inRow] = share;
                        target[corner + inRow + 1] = share;
                    }
                }
            }
        }
    }
}
