package org.memoscope.nn;

import java.util.Arrays;

/**
 * The {@link ConvKernels} loops in plain Java: one output plane at a time, adding one
 * shifted input plane per tap (forward), or one dot product of an output-gradient plane
 * with a shifted input plane per weight (weight gradient). Sums run in tap order
 * (forward) and in image, row, column order (weight gradient).
 */
final class ScalarConvKernels implements ConvKernels {

    @Override
    public String name() {
        return "plain Java";
    }

    /** The weights stay in their {@code C_out x C_in x 9} order. */
    @Override
    public void packWeights(float[] weights, int outChannels, int inChannels, float[] packed) {
        System.arraycopy(weights, 0, packed, 0, outChannels * inChannels * 9);
    }

    @Override
    public void forward(FeatureMaps in, float[] packedWeights, FeatureMaps out, int fromImage,
            int toImage, boolean rectify) {
        int outChannels = out.channels();
        int[] tapOffsets = tapOffsets(in);
        float[] source = in.data();
        float[] target = out.data();
        int rowStride = in.rowStride();
        for (int n = fromImage; n < toImage; n++) {
            int inBase = in.planeOffset(n, 0);
            for (int co = 0; co < outChannels; co++) {
                int outBase = out.planeOffset(n, co);
                for (int y = 1; y <= in.height(); y++) {
                    int row = outBase + y * rowStride + 1;
                    Arrays.fill(target, row, row + in.width(), 0f);
                }

                for (int k = 0; k < tapOffsets.length; k++) {
                    float weight = packedWeights[co * tapOffsets.length + k];
                    int shift = inBase + tapOffsets[k] - outBase;
                    for (int y = 1; y <= in.height(); y++) {
                        int row = outBase + y * rowStride + 1;
                        for (int x = row; x < row + in.width(); x++) {
                            target[x] += weight * source[x + shift];
                        }
                    }
                }
                if (rectify) {
                    for (int y = 1; y <= in.height(); y++) {
                        int row = outBase + y * rowStride + 1;
                        for (int x = row; x < row + in.width(); x++) {
                            target[x] = Math.max(target[x], 0f);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void weightGradient(FeatureMaps in, FeatureMaps outGrad, float[] gradient,
            int fromImage, int toImage) {
        int[] tapOffsets = tapOffsets(in);
        float[] source = in.data();
        float[] upstream = outGrad.data();
        int rowStride = in.rowStride();
        for (int co = 0; co < outGrad.channels(); co++) {
            for (int k = 0; k < tapOffsets.length; k++) {
                float sum = 0f;
                for (int n = fromImage; n < toImage; n++) {
                    int gradBase = outGrad.planeOffset(n, co);
                    int shift = in.planeOffset(n, 0) + tapOffsets[k] - gradBase;
                    for (int y = 1; y <= in.height(); y++) {
                        int row = gradBase + y * rowStride + 1;
                        for (int x = row; x < row + in.width(); x++) {
                            sum += upstream[x] * source[x + shift];
                        }
                    }
                }
                gradient[co * tapOffsets.length + k] += sum;
            }
        }
    }

    @Override
    public void relu(FeatureMaps in, FeatureMaps out, int fromImage, int toImage) {
        float[] source = in.data();
        float[] target = out.data();
        for (int i = in.planeOffset(fromImage, 0); i < in.planeOffset(toImage, 0); i++) {
            target[i] = Math.max(source[i], 0f);
        }
    }

    @Override
    public void reluGradient(FeatureMaps out, FeatureMaps outGrad, FeatureMaps inGrad,
            int fromImage, int toImage) {
        float[] activation = out.data();
        float[] upstream = outGrad.data();
        float[] target = inGrad.data();
        for (int i = out.planeOffset(fromImage, 0); i < out.planeOffset(toImage, 0); i++) {
            target[i] = activation[i] > 0f ? upstream[i] : 0f;
        }
    }

    /**
     * For tap {@code k = ci * 9 + ky * 3 + kx}, the offset from a pixel of plane 0 to its
     * {@code (ky - 1, kx - 1)} neighbour in plane {@code ci} of the same image.
     */
    static int[] tapOffsets(FeatureMaps in) {
        int[] offsets = new int[in.channels() * 9];
        for (int ci = 0; ci < in.channels(); ci++) {
            for (int tap = 0; tap < 9; tap++) {
                offsets[ci * 9 + tap] = ci * in.planeStride() + (tap / 3 - 1) * in.rowStride()
                        + tap % 3 - 1;
            }
        }
        return offsets;
    }
}
