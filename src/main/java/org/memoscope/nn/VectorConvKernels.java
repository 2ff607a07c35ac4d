package org.memoscope.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link ConvKernels} loops on the Vector API ({@code FloatVector.SPECIES_PREFERRED},
 * at most 16 lanes), vectorised over pixels.
 *
 * <p>A vector covers {@code LANES} consecutive plane positions. If the image width is a
 * multiple of the lane count the vectors tile the rows exactly; otherwise they run over
 * the rows laid end to end, border columns included, and the forward pass clears the
 * border afterwards (an output gradient's border is zero, so there it adds nothing to the
 * weight gradient). Each tap of the 3x3 stencil is then one whole-vector load at a fixed
 * offset from the output vector, with no im2col copy.
 *
 * <p>Forward: a register block of 8 output channels x 3 vectors (24 accumulators; 8 x 2
 * and 1 x 3 for remainders) sums {@code w[co, k] * in[shifted by k]} over all taps k with
 * fused multiply-adds, rectifies if asked, and stores. Weight gradient: for one input
 * channel and 2 or 3 output channels, 18 or 27 vector accumulators collect
 * {@code g * in[shifted by tap]} over the images and pixels of the call, in one flat loop
 * (nested loops would make the JIT box the accumulators); their lanes are summed once at
 * the end. When the vectors tile the rows, the loop walks down columns and reuses the
 * input rows above and at a vector for the next vectors, loading 3 input vectors per step
 * instead of 9.
 */
final class VectorConvKernels implements ConvKernels {

    private static final VectorSpecies<Float> SPECIES =
            FloatVector.SPECIES_PREFERRED.length() <= FeatureMaps.MAX_LANES
                    ? FloatVector.SPECIES_PREFERRED
                    : FloatVector.SPECIES_512;

    private static final int LANES = SPECIES.length();

    @Override
    public String name() {
        return "Vector API, " + LANES + " float lanes";
    }

    /**
     * Blocks of 8 output channels first, each tap-major with the 8 weights of a tap
     * together, {@code packed[8 K b + 8 k + j] = w[8 b + j, k]}; then each remaining channel
     * on its own, tap-major ({@code K = 9 C_in} taps).
     */
    @Override
    public void packWeights(float[] weights, int outChannels, int inChannels, float[] packed) {
        int taps = inChannels * 9;
        int blocked = outChannels / 8 * 8;
        for (int co = 0; co < blocked; co++) {
            int block = co / 8 * 8 * taps;
            for (int k = 0; k < taps; k++) {
                packed[block + 8 * k + co % 8] = weights[co * taps + k];
            }
        }
        System.arraycopy(weights, blocked * taps, packed, blocked * taps,
                (outChannels - blocked) * taps);
    }

    @Override
    public void forward(FeatureMaps in, float[] packedWeights, FeatureMaps out, int fromImage,
            int toImage, boolean rectify, FeatureMaps gate) {
        int outChannels = out.channels();
        int planeStride = out.planeStride();
        int[] tapOffsets = ScalarConvKernels.tapOffsets(in);
        int taps = tapOffsets.length;
        int[] starts = vectorStarts(in);
        int triples = starts.length / 3;
        if (starts.length % 3 == 1 && triples > 0) {
            triples--;
        }
        float[] source = in.data();
        float[] target = out.data();
        for (int n = fromImage; n < toImage; n++) {
            int inBase = in.planeOffset(n, 0);
            int co = 0;
            for (; co + 8 <= outChannels; co += 8) {
                int outBase = out.planeOffset(n, co);
                int s = 0;
                for (; s < 3 * triples; s += 3) {
                    block8x3(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, planeStride, starts[s], starts[s + 1], starts[s + 2],
                            rectify);
                }
                for (; s + 2 <= starts.length; s += 2) {
                    block8x2(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, planeStride, starts[s], starts[s + 1], rectify);
                }
                if (s < starts.length) {
                    block8x2(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, planeStride, starts[s], starts[s], rectify);
                }
            }

            for (; co < outChannels; co++) {
                int outBase = out.planeOffset(n, co);
                int s = 0;
                for (; s + 3 <= starts.length; s += 3) {
                    block1x3(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, starts[s], starts[s + 1], starts[s + 2], rectify);
                }
                for (; s < starts.length; s++) {
                    block1x3(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, starts[s], starts[s], starts[s], rectify);
                }
            }

            if (in.width() % LANES != 0) {
                out.clearPadding(n, n + 1);
            }
            if (gate != null) {
                reluGradient(gate, out, out, n, n + 1);
            }
        }
    }

    @Override
    public void weightGradient(FeatureMaps in, FeatureMaps outGrad, float[] gradient,
            int fromImage, int toImage) {
        boolean byRows = in.width() % LANES == 0;
        int[] starts = byRows ? columnStarts(in) : vectorStarts(in);
        int steps = (toImage - fromImage) * starts.length;
        int[] inSteps = new int[steps];
        int[] gradSteps = new int[steps];
        boolean[] firstRow = new boolean[steps];
        for (int n = fromImage, s = 0; n < toImage; n++) {
            for (int i = 0; i < starts.length; i++, s++) {
                inSteps[s] = in.planeOffset(n, 0) + starts[i];
                gradSteps[s] = outGrad.planeOffset(n, 0) + starts[i];
                firstRow[s] = i % in.height() == 0;
            }
        }

        int taps = in.channels() * 9;
        int planeStride = in.planeStride();
        float[] source = in.data();
        float[] upstream = outGrad.data();
        int outChannels = outGrad.channels();
        int rowStride = in.rowStride();
        for (int ci = 0; ci < in.channels(); ci++) {
            int inPlane = ci * planeStride;
            int co = 0;
            if (!byRows) {
                for (; co + 3 <= outChannels; co += 3) {
                    int row = co * taps + ci * 9;
                    gradient3x9(source, upstream, inSteps, gradSteps, inPlane,
                            co * planeStride, rowStride, planeStride, gradient, row, taps);
                }
            }
            for (; co + 2 <= outChannels; co += 2) {
                int row = co * taps + ci * 9;
                if (byRows) {
                    gradientRows2x9(source, upstream, inSteps, gradSteps, firstRow, inPlane,
                            co * planeStride, rowStride, planeStride, gradient, row,
                            row + taps);
                } else {
                    gradient2x9(source, upstream, inSteps, gradSteps, inPlane,
                            co * planeStride, rowStride, planeStride, gradient, row,
                            row + taps);
                }
            }
            if (co < outChannels) {
                gradient1x9(source, upstream, inSteps, gradSteps, inPlane, co * planeStride,
                        rowStride, gradient, co * taps + ci * 9);
            }
        }
    }

    @Override
    public void relu(FeatureMaps in, FeatureMaps out, int fromImage, int toImage) {
        float[] source = in.data();
        float[] target = out.data();
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = in.planeOffset(fromImage, 0); i < in.planeOffset(toImage, 0); i += LANES) {
            FloatVector.fromArray(SPECIES, source, i).max(zero).intoArray(target, i);
        }
    }

    @Override
    public void reluGradient(FeatureMaps out, FeatureMaps outGrad, FeatureMaps inGrad,
            int fromImage, int toImage) {
        float[] activation = out.data();
        float[] upstream = outGrad.data();
        float[] target = inGrad.data();
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int i = out.planeOffset(fromImage, 0); i < out.planeOffset(toImage, 0);
                i += LANES) {
            VectorMask<Float> active = FloatVector.fromArray(SPECIES, activation, i)
                    .compare(VectorOperators.GT, zero);
            zero.blend(FloatVector.fromArray(SPECIES, upstream, i), active)
                    .intoArray(target, i);
        }
    }

    /** Plane offsets of the vectors that together cover every interior pixel once. */
    static int[] vectorStarts(FeatureMaps maps) {
        int rowStride = maps.rowStride();
        if (maps.width() % LANES == 0) {
            int perRow = maps.width() / LANES;
            int[] starts = new int[maps.height() * perRow];
            for (int y = 0; y < maps.height(); y++) {
                for (int j = 0; j < perRow; j++) {
                    starts[y * perRow + j] = (y + 1) * rowStride + 1 + j * LANES;
                }
            }
            return starts;
        }
        int covered = (maps.height() - 1) * rowStride + maps.width();
        int[] starts = new int[(covered + LANES - 1) / LANES];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = rowStride + 1 + i * LANES;
        }
        return starts;
    }

    /**
     * For images whose width is a multiple of the lane count: the vector starts column of
     * vectors by column, top row first, so that consecutive steps are vertical neighbours.
     */
    static int[] columnStarts(FeatureMaps maps) {
        int columns = maps.width() / LANES;
        int[] starts = new int[maps.height() * columns];
        for (int j = 0; j < columns; j++) {
            for (int y = 0; y < maps.height(); y++) {
                starts[j * maps.height() + y] = (y + 1) * maps.rowStride() + 1 + j * LANES;
            }
        }
        return starts;
    }

    private static void block8x3(float[] in, int inBase, int[] tapOffsets, float[] w,
            int weightBase, float[] out, int outBase, int planeStride, int q0, int q1, int q2,
            boolean rectify) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a00 = zero, a01 = zero, a02 = zero, a10 = zero, a11 = zero, a12 = zero;
        FloatVector a20 = zero, a21 = zero, a22 = zero, a30 = zero, a31 = zero, a32 = zero;
        FloatVector a40 = zero, a41 = zero, a42 = zero, a50 = zero, a51 = zero, a52 = zero;
        FloatVector a60 = zero, a61 = zero, a62 = zero, a70 = zero, a71 = zero, a72 = zero;
        for (int k = 0; k < tapOffsets.length; k++) {
            int base = inBase + tapOffsets[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, in, base + q0);
            FloatVector x1 = FloatVector.fromArray(SPECIES, in, base + q1);
            FloatVector x2 = FloatVector.fromArray(SPECIES, in, base + q2);
            int wk = weightBase + 8 * k;
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wk]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wk + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wk + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wk + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            FloatVector w4 = FloatVector.broadcast(SPECIES, w[wk + 4]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            a42 = x2.fma(w4, a42);
            FloatVector w5 = FloatVector.broadcast(SPECIES, w[wk + 5]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            a52 = x2.fma(w5, a52);
            FloatVector w6 = FloatVector.broadcast(SPECIES, w[wk + 6]);
            a60 = x0.fma(w6, a60);
            a61 = x1.fma(w6, a61);
            a62 = x2.fma(w6, a62);
            FloatVector w7 = FloatVector.broadcast(SPECIES, w[wk + 7]);
            a70 = x0.fma(w7, a70);
            a71 = x1.fma(w7, a71);
            a72 = x2.fma(w7, a72);
        }

        if (rectify) {
            a00 = a00.max(zero);
            a01 = a01.max(zero);
            a02 = a02.max(zero);
            a10 = a10.max(zero);
            a11 = a11.max(zero);
            a12 = a12.max(zero);
            a20 = a20.max(zero);
            a21 = a21.max(zero);
            a22 = a22.max(zero);
            a30 = a30.max(zero);
            a31 = a31.max(zero);
            a32 = a32.max(zero);
            a40 = a40.max(zero);
            a41 = a41.max(zero);
            a42 = a42.max(zero);
            a50 = a50.max(zero);
            a51 = a51.max(zero);
            a52 = a52.max(zero);
            a60 = a60.max(zero);
            a61 = a61.max(zero);
            a62 = a62.max(zero);
            a70 = a70.max(zero);
            a71 = a71.max(zero);
            a72 = a72.max(zero);
        }

        int plane = outBase;
        a00.intoArray(out, plane + q0);
        a01.intoArray(out, plane + q1);
        a02.intoArray(out, plane + q2);
        plane += planeStride;
        a10.intoArray(out, plane + q0);
        a11.intoArray(out, plane + q1);
        a12.intoArray(out, plane + q2);
        plane += planeStride;
        a20.intoArray(out, plane + q0);
        a21.intoArray(out, plane + q1);
        a22.intoArray(out, plane + q2);
        plane += planeStride;
        a30.intoArray(out, plane + q0);
        a31.intoArray(out, plane + q1);
        a32.intoArray(out, plane + q2);
        plane += planeStride;
        a40.intoArray(out, plane + q0);
        a41.intoArray(out, plane + q1);
        a42.intoArray(out, plane + q2);
        plane += planeStride;
        a50.intoArray(out, plane + q0);
        a51.intoArray(out, plane + q1);
        a52.intoArray(out, plane + q2);
        plane += planeStride;
        a60.intoArray(out, plane + q0);
        a61.intoArray(out, plane + q1);
        a62.intoArray(out, plane + q2);
        plane += planeStride;
        a70.intoArray(out, plane + q0);
        a71.intoArray(out, plane + q1);
        a72.intoArray(out, plane + q2);
    }

    private static void block8x2(float[] in, int inBase, int[] tapOffsets, float[] w,
            int weightBase, float[] out, int outBase, int planeStride, int q0, int q1,
            boolean rectify) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a00 = zero, a01 = zero, a10 = zero, a11 = zero;
        FloatVector a20 = zero, a21 = zero, a30 = zero, a31 = zero;
        FloatVector a40 = zero, a41 = zero, a50 = zero, a51 = zero;
        FloatVector a60 = zero, a61 = zero, a70 = zero, a71 = zero;
        for (int k = 0; k < tapOffsets.length; k++) {
            int base = inBase + tapOffsets[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, in, base + q0);
            FloatVector x1 = FloatVector.fromArray(SPECIES, in, base + q1);
            int wk = weightBase + 8 * k;
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wk]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wk + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wk + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wk + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            FloatVector w4 = FloatVector.broadcast(SPECIES, w[wk + 4]);
            a40 = x0.fma(w4, a40);
            a41 = x1.fma(w4, a41);
            FloatVector w5 = FloatVector.broadcast(SPECIES, w[wk + 5]);
            a50 = x0.fma(w5, a50);
            a51 = x1.fma(w5, a51);
            FloatVector w6 = FloatVector.broadcast(SPECIES, w[wk + 6]);
            a60 = x0.fma(w6, a60);
            a61 = x1.fma(w6, a61);
            FloatVector w7 = FloatVector.broadcast(SPECIES, w[wk + 7]);
            a70 = x0.fma(w7, a70);
            a71 = x1.fma(w7, a71);
        }
        if (rectify) {
            a00 = a00.max(zero);
            a01 = a01.max(zero);
            a10 = a10.max(zero);
            a11 = a11.max(zero);
            a20 = a20.max(zero);
            a21 = a21.max(zero);
            a30 = a30.max(zero);
            a31 = a31.max(zero);
            a40 = a40.max(zero);
            a41 = a41.max(zero);
            a50 = a50.max(zero);
            a51 = a51.max(zero);
            a60 = a60.max(zero);
            a61 = a61.max(zero);
            a70 = a70.max(zero);
            a71 = a71.max(zero);
        }

        int plane = outBase;
        a00.intoArray(out, plane + q0);
        a01.intoArray(out, plane + q1);
        plane += planeStride;
        a10.intoArray(out, plane + q0);
        a11.intoArray(out, plane + q1);
        plane += planeStride;
        a20.intoArray(out, plane + q0);
        a21.intoArray(out, plane + q1);
        plane += planeStride;
        a30.intoArray(out, plane + q0);
        a31.intoArray(out, plane + q1);
        plane += planeStride;
        a40.intoArray(out, plane + q0);
        a41.intoArray(out, plane + q1);
        plane += planeStride;
        a50.intoArray(out, plane + q0);
        a51.intoArray(out, plane + q1);
        plane += planeStride;
        a60.intoArray(out, plane + q0);
        a61.intoArray(out, plane + q1);
        plane += planeStride;
        a70.intoArray(out, plane + q0);
        a71.intoArray(out, plane + q1);
    }

    private static void block1x3(float[] in, int inBase, int[] tapOffsets, float[] w,
            int weightBase, float[] out, int outBase, int q0, int q1, int q2,
            boolean rectify) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        for (int k = 0; k < tapOffsets.length; k++) {
            int base = inBase + tapOffsets[k];
            FloatVector weight = FloatVector.broadcast(SPECIES, w[weightBase + k]);
            a0 = FloatVector.fromArray(SPECIES, in, base + q0).fma(weight, a0);
            a1 = FloatVector.fromArray(SPECIES, in, base + q1).fma(weight, a1);
            a2 = FloatVector.fromArray(SPECIES, in, base + q2).fma(weight, a2);
        }
        if (rectify) {
            FloatVector zero = FloatVector.zero(SPECIES);
            a0 = a0.max(zero);
            a1 = a1.max(zero);
            a2 = a2.max(zero);
        }

        a0.intoArray(out, outBase + q0);
        a1.intoArray(out, outBase + q1);
        a2.intoArray(out, outBase + q2);
    }

    /**
     * Adds the gradient of the 9 taps from input channel ci to output channels co, co+1.
     * One flat loop over (image, vector) pairs keeps the accumulators in registers.
     */
    private static void gradient2x9(float[] in, float[] grad, int[] inSteps,
            int[] gradSteps, int inPlane, int gradPlane, int rowStride, int planeStride,
            float[] gradient, int row, int nextRow) {
        int up = -rowStride - 1;
        int down = rowStride - 1;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
        FloatVector a6 = zero, a7 = zero, a8 = zero, b0 = zero, b1 = zero, b2 = zero;
        FloatVector b3 = zero, b4 = zero, b5 = zero, b6 = zero, b7 = zero, b8 = zero;
        for (int s = 0; s < inSteps.length; s++) {
            int p = inSteps[s] + inPlane;
            int g = gradSteps[s] + gradPlane;
            FloatVector g0 = FloatVector.fromArray(SPECIES, grad, g);
            FloatVector g1 = FloatVector.fromArray(SPECIES, grad, g + planeStride);
            FloatVector x = FloatVector.fromArray(SPECIES, in, p + up);
            a0 = x.fma(g0, a0);
            b0 = x.fma(g1, b0);
            x = FloatVector.fromArray(SPECIES, in, p + up + 1);
            a1 = x.fma(g0, a1);
            b1 = x.fma(g1, b1);
            x = FloatVector.fromArray(SPECIES, in, p + up + 2);
            a2 = x.fma(g0, a2);
            b2 = x.fma(g1, b2);
            x = FloatVector.fromArray(SPECIES, in, p - 1);
            a3 = x.fma(g0, a3);
            b3 = x.fma(g1, b3);
            x = FloatVector.fromArray(SPECIES, in, p);
            a4 = x.fma(g0, a4);
            b4 = x.fma(g1, b4);
            x = FloatVector.fromArray(SPECIES, in, p + 1);
            a5 = x.fma(g0, a5);
            b5 = x.fma(g1, b5);
            x = FloatVector.fromArray(SPECIES, in, p + down);
            a6 = x.fma(g0, a6);
            b6 = x.fma(g1, b6);
            x = FloatVector.fromArray(SPECIES, in, p + down + 1);
            a7 = x.fma(g0, a7);
            b7 = x.fma(g1, b7);
            x = FloatVector.fromArray(SPECIES, in, p + down + 2);
            a8 = x.fma(g0, a8);
            b8 = x.fma(g1, b8);
        }

        gradient[row] += a0.reduceLanes(VectorOperators.ADD);
        gradient[row + 1] += a1.reduceLanes(VectorOperators.ADD);
        gradient[row + 2] += a2.reduceLanes(VectorOperators.ADD);
        gradient[row + 3] += a3.reduceLanes(VectorOperators.ADD);
        gradient[row + 4] += a4.reduceLanes(VectorOperators.ADD);
        gradient[row + 5] += a5.reduceLanes(VectorOperators.ADD);
        gradient[row + 6] += a6.reduceLanes(VectorOperators.ADD);
        gradient[row + 7] += a7.reduceLanes(VectorOperators.ADD);
        gradient[row + 8] += a8.reduceLanes(VectorOperators.ADD);
        gradient[nextRow] += b0.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 1] += b1.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 2] += b2.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 3] += b3.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 4] += b4.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 5] += b5.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 6] += b6.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 7] += b7.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 8] += b8.reduceLanes(VectorOperators.ADD);
    }

    /**
     * As {@link #gradient2x9} for output channels co, co+1, co+2: 27 accumulators, so each
     * input vector loaded serves three fused multiply-adds.
     */
    private static void gradient3x9(float[] in, float[] grad, int[] inSteps, int[] gradSteps,
            int inPlane, int gradPlane, int rowStride, int planeStride, float[] gradient,
            int row, int taps) {
        int up = -rowStride - 1;
        int down = rowStride - 1;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
        FloatVector a6 = zero, a7 = zero, a8 = zero, b0 = zero, b1 = zero, b2 = zero;
        FloatVector b3 = zero, b4 = zero, b5 = zero, b6 = zero, b7 = zero, b8 = zero;
        FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero;
        FloatVector c6 = zero, c7 = zero, c8 = zero;
        for (int s = 0; s < inSteps.length; s++) {
            int p = inSteps[s] + inPlane;
            int g = gradSteps[s] + gradPlane;
            FloatVector g0 = FloatVector.fromArray(SPECIES, grad, g);
            FloatVector g1 = FloatVector.fromArray(SPECIES, grad, g + planeStride);
            FloatVector g2 = FloatVector.fromArray(SPECIES, grad, g + 2 * planeStride);
            FloatVector x = FloatVector.fromArray(SPECIES, in, p + up);
            a0 = x.fma(g0, a0);
            b0 = x.fma(g1, b0);
            c0 = x.fma(g2, c0);
            x = FloatVector.fromArray(SPECIES, in, p + up + 1);
            a1 = x.fma(g0, a1);
            b1 = x.fma(g1, b1);
            c1 = x.fma(g2, c1);
            x = FloatVector.fromArray(SPECIES, in, p + up + 2);
            a2 = x.fma(g0, a2);
            b2 = x.fma(g1, b2);
            c2 = x.fma(g2, c2);
            x = FloatVector.fromArray(SPECIES, in, p - 1);
            a3 = x.fma(g0, a3);
            b3 = x.fma(g1, b3);
            c3 = x.fma(g2, c3);
            x = FloatVector.fromArray(SPECIES, in, p);
            a4 = x.fma(g0, a4);
            b4 = x.fma(g1, b4);
            c4 = x.fma(g2, c4);
            x = FloatVector.fromArray(SPECIES, in, p + 1);
            a5 = x.fma(g0, a5);
            b5 = x.fma(g1, b5);
            c5 = x.fma(g2, c5);
            x = FloatVector.fromArray(SPECIES, in, p + down);
            a6 = x.fma(g0, a6);
            b6 = x.fma(g1, b6);
            c6 = x.fma(g2, c6);
            x = FloatVector.fromArray(SPECIES, in, p + down + 1);
            a7 = x.fma(g0, a7);
            b7 = x.fma(g1, b7);
            c7 = x.fma(g2, c7);
            x = FloatVector.fromArray(SPECIES, in, p + down + 2);
            a8 = x.fma(g0, a8);
            b8 = x.fma(g1, b8);
            c8 = x.fma(g2, c8);
        }

        gradient[row] += a0.reduceLanes(VectorOperators.ADD);
        gradient[row + 1] += a1.reduceLanes(VectorOperators.ADD);
        gradient[row + 2] += a2.reduceLanes(VectorOperators.ADD);
        gradient[row + 3] += a3.reduceLanes(VectorOperators.ADD);
        gradient[row + 4] += a4.reduceLanes(VectorOperators.ADD);
        gradient[row + 5] += a5.reduceLanes(VectorOperators.ADD);
        gradient[row + 6] += a6.reduceLanes(VectorOperators.ADD);
        gradient[row + 7] += a7.reduceLanes(VectorOperators.ADD);
        gradient[row + 8] += a8.reduceLanes(VectorOperators.ADD);
        int second = row + taps;
        gradient[second] += b0.reduceLanes(VectorOperators.ADD);
        gradient[second + 1] += b1.reduceLanes(VectorOperators.ADD);
        gradient[second + 2] += b2.reduceLanes(VectorOperators.ADD);
        gradient[second + 3] += b3.reduceLanes(VectorOperators.ADD);
        gradient[second + 4] += b4.reduceLanes(VectorOperators.ADD);
        gradient[second + 5] += b5.reduceLanes(VectorOperators.ADD);
        gradient[second + 6] += b6.reduceLanes(VectorOperators.ADD);
        gradient[second + 7] += b7.reduceLanes(VectorOperators.ADD);
        gradient[second + 8] += b8.reduceLanes(VectorOperators.ADD);
        int third = second + taps;
        gradient[third] += c0.reduceLanes(VectorOperators.ADD);
        gradient[third + 1] += c1.reduceLanes(VectorOperators.ADD);
        gradient[third + 2] += c2.reduceLanes(VectorOperators.ADD);
        gradient[third + 3] += c3.reduceLanes(VectorOperators.ADD);
        gradient[third + 4] += c4.reduceLanes(VectorOperators.ADD);
        gradient[third + 5] += c5.reduceLanes(VectorOperators.ADD);
        gradient[third + 6] += c6.reduceLanes(VectorOperators.ADD);
        gradient[third + 7] += c7.reduceLanes(VectorOperators.ADD);
        gradient[third + 8] += c8.reduceLanes(VectorOperators.ADD);
    }

    /**
     * As {@link #gradient2x9}, for steps that walk down columns of vectors (see
     * {@link #columnStarts}): the input rows above, at and below a step are reused by the
     * next two steps, so each step loads three new input vectors instead of nine.
     */
    private static void gradientRows2x9(float[] in, float[] grad, int[] inSteps,
            int[] gradSteps, boolean[] firstRow, int inPlane, int gradPlane, int rowStride,
            int planeStride, float[] gradient, int row, int nextRow) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
        FloatVector a6 = zero, a7 = zero, a8 = zero, b0 = zero, b1 = zero, b2 = zero;
        FloatVector b3 = zero, b4 = zero, b5 = zero, b6 = zero, b7 = zero, b8 = zero;
        FloatVector above0 = zero, above1 = zero, above2 = zero;
        FloatVector here0 = zero, here1 = zero, here2 = zero;
        for (int s = 0; s < inSteps.length; s++) {
            int p = inSteps[s] + inPlane;
            if (firstRow[s]) {
                above0 = FloatVector.fromArray(SPECIES, in, p - rowStride - 1);
                above1 = FloatVector.fromArray(SPECIES, in, p - rowStride);
                above2 = FloatVector.fromArray(SPECIES, in, p - rowStride + 1);
                here0 = FloatVector.fromArray(SPECIES, in, p - 1);
                here1 = FloatVector.fromArray(SPECIES, in, p);
                here2 = FloatVector.fromArray(SPECIES, in, p + 1);
            }
            FloatVector below0 = FloatVector.fromArray(SPECIES, in, p + rowStride - 1);
            FloatVector below1 = FloatVector.fromArray(SPECIES, in, p + rowStride);
            FloatVector below2 = FloatVector.fromArray(SPECIES, in, p + rowStride + 1);
            int g = gradSteps[s] + gradPlane;
            FloatVector g0 = FloatVector.fromArray(SPECIES, grad, g);
            FloatVector g1 = FloatVector.fromArray(SPECIES, grad, g + planeStride);
            a0 = above0.fma(g0, a0);
            b0 = above0.fma(g1, b0);
            a1 = above1.fma(g0, a1);
            b1 = above1.fma(g1, b1);
            a2 = above2.fma(g0, a2);
            b2 = above2.fma(g1, b2);
            a3 = here0.fma(g0, a3);
            b3 = here0.fma(g1, b3);
            a4 = here1.fma(g0, a4);
            b4 = here1.fma(g1, b4);
            a5 = here2.fma(g0, a5);
            b5 = here2.fma(g1, b5);
            a6 = below0.fma(g0, a6);
            b6 = below0.fma(g1, b6);
            a7 = below1.fma(g0, a7);
            b7 = below1.fma(g1, b7);
            a8 = below2.fma(g0, a8);
            b8 = below2.fma(g1, b8);
            above0 = here0;
            above1 = here1;
            above2 = here2;
            here0 = below0;
            here1 = below1;
            here2 = below2;
        }

        gradient[row] += a0.reduceLanes(VectorOperators.ADD);
        gradient[row + 1] += a1.reduceLanes(VectorOperators.ADD);
        gradient[row + 2] += a2.reduceLanes(VectorOperators.ADD);
        gradient[row + 3] += a3.reduceLanes(VectorOperators.ADD);
        gradient[row + 4] += a4.reduceLanes(VectorOperators.ADD);
        gradient[row + 5] += a5.reduceLanes(VectorOperators.ADD);
        gradient[row + 6] += a6.reduceLanes(VectorOperators.ADD);
        gradient[row + 7] += a7.reduceLanes(VectorOperators.ADD);
        gradient[row + 8] += a8.reduceLanes(VectorOperators.ADD);
        gradient[nextRow] += b0.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 1] += b1.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 2] += b2.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 3] += b3.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 4] += b4.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 5] += b5.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 6] += b6.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 7] += b7.reduceLanes(VectorOperators.ADD);
        gradient[nextRow + 8] += b8.reduceLanes(VectorOperators.ADD);
    }

    /** Adds the gradient of the 9 taps from input channel ci to output channel co. */
    private static void gradient1x9(float[] in, float[] grad, int[] inSteps,
            int[] gradSteps, int inPlane, int gradPlane, int rowStride, float[] gradient,
            int row) {
        int up = -rowStride - 1;
        int down = rowStride - 1;
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero;
        FloatVector a6 = zero, a7 = zero, a8 = zero;
        for (int s = 0; s < inSteps.length; s++) {
            int p = inSteps[s] + inPlane;
            FloatVector g = FloatVector.fromArray(SPECIES, grad, gradSteps[s] + gradPlane);
            a0 = FloatVector.fromArray(SPECIES, in, p + up).fma(g, a0);
            a1 = FloatVector.fromArray(SPECIES, in, p + up + 1).fma(g, a1);
            a2 = FloatVector.fromArray(SPECIES, in, p + up + 2).fma(g, a2);
            a3 = FloatVector.fromArray(SPECIES, in, p - 1).fma(g, a3);
            a4 = FloatVector.fromArray(SPECIES, in, p).fma(g, a4);
            a5 = FloatVector.fromArray(SPECIES, in, p + 1).fma(g, a5);
            a6 = FloatVector.fromArray(SPECIES, in, p + down).fma(g, a6);
            a7 = FloatVector.fromArray(SPECIES, in, p + down + 1).fma(g, a7);
            a8 = FloatVector.fromArray(SPECIES, in, p + down + 2).fma(g, a8);
        }

        gradient[row] += a0.reduceLanes(VectorOperators.ADD);
        gradient[row + 1] += a1.reduceLanes(VectorOperators.ADD);
        gradient[row + 2] += a2.reduceLanes(VectorOperators.ADD);
        gradient[row + 3] += a3.reduceLanes(VectorOperators.ADD);
        gradient[row + 4] += a4.reduceLanes(VectorOperators.ADD);
        gradient[row + 5] += a5.reduceLanes(VectorOperators.ADD);
        gradient[row + 6] += a6.reduceLanes(VectorOperators.ADD);
        gradient[row + 7] += a7.reduceLanes(VectorOperators.ADD);
        gradient[row + 8] += a8.reduceLanes(VectorOperators.ADD);
    }
}
