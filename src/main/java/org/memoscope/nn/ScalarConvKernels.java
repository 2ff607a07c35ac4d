package org.memoscope.nn;

import java.util.Arrays;

/**
 * The {@link ConvKernels} loops in plain Java: one output plane at a time, adding one
 * shifted input plane per tap (forward, in tap order), or one dot product of an
 * output-gradient plane with a shifted input plane per weight (weight gradient, in 16
 * interleaved partial sums over images and pixels, added up at the end). Each loop runs
 * over a whole plane with rows laid end to end, so that the JIT compiler can use SIMD
 * instructions where it sees fit.
 */
final class ScalarConvKernels implements ConvKernels {

    /** Independent partial sums per weight gradient, so that the loop has no long chain. */
    private static final int LANES = FeatureMaps.MAX_LANES;

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
            int toImage, boolean rectify, FeatureMaps gate) {
        int[] tapOffsets = tapOffsets(in);
        int taps = tapOffsets.length;
        float[] source = in.data();
        float[] target = out.data();
        int first = in.rowStride() + 1;
        int end = first + coveredLength(in);
        for (int n = fromImage; n < toImage; n++) {
            int inBase = in.planeOffset(n, 0);
            for (int co = 0; co < out.channels(); co++) {
                int outBase = out.planeOffset(n, co);
                Arrays.fill(target, outBase + first, outBase + end, 0f);
                for (int k = 0; k < taps; k++) {
                    float weight = packedWeights[co * taps + k];
                    int shift = inBase + tapOffsets[k] - outBase;
                    for (int i = outBase + first; i < outBase + end; i++) {
                        target[i] += weight * source[i + shift];
                    }
                }
                if (rectify) {
                    for (int i = outBase + first; i < outBase + end; i++) {
                        target[i] = Math.max(target[i], 0f);
                    }
                }
            }
        }
        out.clearPadding(fromImage, toImage);
        if (gate != null) {
            reluGradient(gate, out, out, fromImage, toImage);
        }
    }

    @Override
    public void weightGradient(FeatureMaps in, FeatureMaps outGrad, float[] gradient,
            int fromImage, int toImage) {
        int[] tapOffsets = tapOffsets(in);
        int taps = tapOffsets.length;
        float[] source = in.data();
        float[] upstream = outGrad.data();
        int first = in.rowStride() + 1;
        int end = first + (coveredLength(in) + LANES - 1) / LANES * LANES;
        float[] lanes = new float[LANES];
        for (int co = 0; co < outGrad.channels(); co++) {
            for (int k = 0; k < taps; k++) {
                Arrays.fill(lanes, 0f);
                for (int n = fromImage; n < toImage; n++) {
                    int gradBase = outGrad.planeOffset(n, co);
                    int shift = in.planeOffset(n, 0) + tapOffsets[k] - gradBase;
                    for (int i = gradBase + first; i < gradBase + end; i += LANES) {
                        for (int lane = 0; lane < LANES; lane++) {
                            lanes[lane] += upstream[i + lane] * source[i + lane + shift];
                        }
                    }
                }
                float sum = 0f;
                for (float partial : lanes) {
                    sum += partial;
                }
                gradient[co * taps + k] += sum;
            }
        }
    }

    /**
     * Positions from the first to the last interior pixel of a plane, rows laid end to end
     * (border columns included; their results are cleared or, for gradients, zero).
     */
    private static int coveredLength(FeatureMaps maps) {
        return (maps.height() - 1) * maps.rowStride() + maps.width();
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
