package org.memoscope.nn;

/**
 * Nearest-neighbour upsampling by 2, doubling height and width:
 * {@code y[i, j] = x[floor(i / 2), floor(j / 2)]}. Backward sums the gradients of the
 * four copies: {@code dL/dx[i, j] = sum_{a, b in {0, 1}} dL/dy[2i + a, 2j + b]}.
 */
public final class Upsample2x implements Layer {

    private final Engine engine;

    private FeatureMaps output;

    private FeatureMaps inputGradient;

    public Upsample2x(Engine engine) {
        this.engine = engine;
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        output = Layer.reuse(output, input.batch(), input.channels(), input.height() * 2,
                input.width() * 2);
        FeatureMaps out = output;
        engine.forEachRange(input.batch(), (from, to) -> copy(input, out, from, to));
        return output;
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        if (output == null || !outputGradient.hasShapeOf(output)) {
            throw new IllegalStateException("backward needs a gradient shaped like the last "
                    + "forward output");
        }
        inputGradient = Layer.reuse(inputGradient, output.batch(), output.channels(),
                output.height() / 2, output.width() / 2);
        FeatureMaps gradIn = inputGradient;
        engine.forEachRange(output.batch(), (from, to) -> gather(outputGradient, gradIn, from,
                to));
        return inputGradient;
    }

    private static void copy(FeatureMaps in, FeatureMaps out, int from, int to) {
        float[] source = in.data();
        float[] target = out.data();
        int outRow = out.rowStride();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < in.channels(); c++) {
                int inPlane = in.planeOffset(n, c);
                int outPlane = out.planeOffset(n, c);
                for (int i = 0; i < in.height(); i++) {
                    int row = inPlane + (i + 1) * in.rowStride() + 1;
                    int top = outPlane + (2 * i + 1) * outRow + 1;
                    for (int j = 0; j < in.width(); j++) {
                        float value = source[row + j];
                        int corner = top + 2 * j;
                        target[corner] = value;
                        target[corner + 1] = value;
                        target[corner + outRow] = value;
                        target[corner + outRow + 1] = value;
                    }
                }
            }
        }
    }

    private static void gather(FeatureMaps outGrad, FeatureMaps inGrad, int from, int to) {
        float[] source = outGrad.data();
        float[] target = inGrad.data();
        int outRow = outGrad.rowStride();
        for (int n = from; n < to; n++) {
            for (int c = 0; c < inGrad.channels(); c++) {
                int inPlane = inGrad.planeOffset(n, c);
                int outPlane = outGrad.planeOffset(n, c);
                for (int i = 0; i < inGrad.height(); i++) {
                    int row = inPlane + (i + 1) * inGrad.rowStride() + 1;
                    int top = outPlane + (2 * i + 1) * outRow + 1;
                    for (int j = 0; j < inGrad.width(); j++) {
                        int corner = top + 2 * j;
                        target[row + j] = source[corner] + source[corner + 1]
                                + source[corner + outRow] + source[corner + outRow + 1];
                    }
                }
            }
        }
    }
}
