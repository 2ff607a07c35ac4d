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
 * <p>Forward: a register block of 4 output channels x 4 or 5 vectors (16 or 20
 * accumulators; 1 x 3 for remaining channels) sums {@code w[co, k] * in[shifted by k]}
 * over all taps k with fused multiply-adds, rectifies if asked, and stores. Few channels
 * per block keep the weight broadcasts, which compete with the multiply-adds for the
 * same execution ports, at one per four multiply-adds or fewer; measured, this ran a
 * third faster than blocks of 8 channels x 3 vectors. Weight gradient: for one input
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
     * Blocks of 4 output channels first, each tap-major with the 4 weights of a tap
     * together, {@code packed[4 K b + 4 k + j] = w[4 b + j, k]}; then each remaining channel
     * on its own, tap-major ({@code K = 9 C_in} taps).
     */
    @Override
    public void packWeights(float[] weights, int outChannels, int inChannels, float[] packed) {
        int taps = inChannels * 9;
        int blocked = outChannels / 4 * 4;
        for (int co = 0; co < blocked; co++) {
            int block = co / 4 * 4 * taps;
            for (int k = 0; k < taps; k++) {
                packed[block + 4 * k + co % 4] = weights[co * taps + k];
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
        int fives = starts.length % 4;
        if (5 * fives > starts.length) {
            fives = 0;
        }
        float[] source = in.data();
        float[] target = out.data();
        for (int n = fromImage; n < toImage; n++) {
            int inBase = in.planeOffset(n, 0);
            int co = 0;
            for (; co + 4 <= outChannels; co += 4) {
                int outBase = out.planeOffset(n, co);
                int s = 0;
                for (int block = 0; block < fives; block++, s += 5) {
                    block4x5(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, planeStride, starts[s], starts[s + 1], starts[s + 2],
                            starts[s + 3], starts[s + 4], rectify);
                }
                for (; s < starts.length; s += 4) {
                    // A last incomplete block repeats its final vector (same value stored).
                    int last = starts.length - 1;
                    block4x4(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, planeStride, starts[s], starts[Math.min(s + 1, last)],
                            starts[Math.min(s + 2, last)], starts[Math.min(s + 3, last)],
                            rectify);
                }
            }

            for (; co < outChannels; co++) {
                int outBase = out.planeOffset(n, co);
                int last = starts.length - 1;
                for (int s = 0; s < starts.length; s += 3) {
                    block1x3(source, inBase, tapOffsets, packedWeights, co * taps, target,
                            outBase, starts[s], starts[Math.min(s + 1, last)],
                            starts[Math.min(s + 2, last)], rectify);
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

    /** 4 output channels x 5 vectors: 20 accumulators, 5 loads and 4 broadcasts per tap. */
    private static void block4x5(float[] in, int inBase, int[] tapOffsets, float[] w,
            int weightBase, float[] out, int outBase, int planeStride, int q0, int q1, int q2,
            int q3, int q4, boolean rectify) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a00 = zero, a01 = zero, a02 = zero, a03 = zero, a04 = zero;
        FloatVector a10 = zero, a11 = zero, a12 = zero, a13 = zero, a14 = zero;
        FloatVector a20 = zero, a21 = zero, a22 = zero, a23 = zero, a24 = zero;
        FloatVector a30 = zero, a31 = zero, a32 = zero, a33 = zero, a34 = zero;
        for (int k = 0; k < tapOffsets.length; k++) {
            int base = inBase + tapOffsets[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, in, base + q0);
            FloatVector x1 = FloatVector.fromArray(SPECIES, in, base + q1);
            FloatVector x2 = FloatVector.fromArray(SPECIES, in, base + q2);
            FloatVector x3 = FloatVector.fromArray(SPECIES, in, base + q3);
            FloatVector x4 = FloatVector.fromArray(SPECIES, in, base + q4);
            int wk = weightBase + 4 * k;
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wk]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            a04 = x4.fma(w0, a04);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wk + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
            a14 = x4.fma(w1, a14);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wk + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            a23 = x3.fma(w2, a23);
            a24 = x4.fma(w2, a24);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wk + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            a33 = x3.fma(w3, a33);
            a34 = x4.fma(w3, a34);
        }
        if (rectify) {
            a00 = a00.max(zero);
            a01 = a01.max(zero);
            a02 = a02.max(zero);
            a03 = a03.max(zero);
            a04 = a04.max(zero);
            a10 = a10.max(zero);
            a11 = a11.max(zero);
            a12 = a12.max(zero);
            a13 = a13.max(zero);
            a14 = a14.max(zero);
            a20 = a20.max(zero);
            a21 = a21.max(zero);
            a22 = a22.max(zero);
            a23 = a23.max(zero);
            a24 = a24.max(zero);
            a30 = a30.max(zero);
            a31 = a31.max(zero);
            a32 = a32.max(zero);
            a33 = a33.max(zero);
            a34 = a34.max(zero);
        }

        int plane = outBase;
        a00.intoArray(out, plane + q0);
        a01.intoArray(out, plane + q1);
        a02.intoArray(out, plane + q2);
        a03.intoArray(out, plane + q3);
        a04.intoArray(out, plane + q4);
        plane += planeStride;
        a10.intoArray(out, plane + q0);
        a11.intoArray(out, plane + q1);
        a12.intoArray(out, plane + q2);
        a13.intoArray(out, plane + q3);
        a14.intoArray(out, plane + q4);
        plane += planeStride;
        a20.intoArray(out, plane + q0);
        a21.intoArray(out, plane + q1);
        a22.intoArray(out, plane + q2);
        a23.intoArray(out, plane + q3);
        a24.intoArray(out, plane + q4);
        plane += planeStride;
        a30.intoArray(out, plane + q0);
        a31.intoArray(out, plane + q1);
        a32.intoArray(out, plane + q2);
        a33.intoArray(out, plane + q3);
        a34.intoArray(out, plane + q4);
    }

    /** 4 output channels x 4 vectors: 16 accumulators, 4 loads and 4 broadcasts per tap. */
    private static void block4x4(float[] in, int inBase, int[] tapOffsets, float[] w,
            int weightBase, float[] out, int outBase, int planeStride, int q0, int q1, int q2,
            int q3, boolean rectify) {
        FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a00 = zero, a01 = zero, a02 = zero, a03 = zero;
        FloatVector a10 = zero, a11 = zero, a12 = zero, a13 = zero;
        FloatVector a20 = zero, a21 = zero, a22 = zero, a23 = zero;
        FloatVector a30 = zero, a31 = zero, a32 = zero, a33 = zero;
        for (int k = 0; k < tapOffsets.length; k++) {
            int base = inBase + tapOffsets[k];
            FloatVector x0 = FloatVector.fromArray(SPECIES, in, base + q0);
            FloatVector x1 = FloatVector.fromArray(SPECIES, in, base + q1);
            FloatVector x2 = FloatVector.fromArray(SPECIES, in, base + q2);
            FloatVector x3 = FloatVector.fromArray(SPECIES, in, base + q3);
            int wk = weightBase + 4 * k;
            FloatVector w0 = FloatVector.broadcast(SPECIES, w[wk]);
            a00 = x0.fma(w0, a00);
            a01 = x1.fma(w0, a01);
            a02 = x2.fma(w0, a02);
            a03 = x3.fma(w0, a03);
            FloatVector w1 = FloatVector.broadcast(SPECIES, w[wk + 1]);
            a10 = x0.fma(w1, a10);
            a11 = x1.fma(w1, a11);
            a12 = x2.fma(w1, a12);
            a13 = x3.fma(w1, a13);
            FloatVector w2 = FloatVector.broadcast(SPECIES, w[wk + 2]);
            a20 = x0.fma(w2, a20);
            a21 = x1.fma(w2, a21);
            a22 = x2.fma(w2, a22);
            a23 = x3.fma(w2, a23);
            FloatVector w3 = FloatVector.broadcast(SPECIES, w[wk + 3]);
            a30 = x0.fma(w3, a30);
            a31 = x1.fma(w3, a31);
            a32 = x2.fma(w3, a32);
            a33 = x3.fma(w3, a33);
        }
        if (rectify) {
            a00 = a00.max(zero);
            a01 = a01.max(zero);
            a02 = a02.max(zero);
            a03 = a03.max(zero);
            a10 = a10.max(zero);
            a11 = a11.max(zero);
            a12 = a12.max(zero);
            a13 = a13.max(zero);
            a20 = a20.max(zero);
            a21 = a21.max(zero);
            a22 = a22.max(zero);
            a23 = a23.max(zero);
            a30 = a30.max(zero);
            a31 = a31.max(zero);
            a32 = a32.max(zero);
            a33 = a33.max(zero);
        }

        int plane = outBase;
        a00.intoArray(out, plane + q0);
        a01.intoArray(out, plane + q1);
        a02.intoArray(out, plane + q2);
        a03.intoArray(out, plane + q3);
        plane += planeStride;
        a10.intoArray(out, plane + q0);
        a11.intoArray(out, plane + q1);
        a12.intoArray(out, plane + q2);
        a13.intoArray(out, plane + q3);
        plane += planeStride;
        a20.intoArray(out, plane + q0);
        a21.intoArray(out, plane + q1);
        a22.intoArray(out, plane + q2);
        a23.intoArray(out, plane + q3);
        plane += planeStride;
        a30.intoArray(out, plane + q0);
        a31.intoArray(out, plane + q1);
        a32.intoArray(out, plane + q2);
        a33.intoArray(out, plane + q3);
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
