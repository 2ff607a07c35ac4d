package org.memoscope.sim;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The product kernel of {@link DenseProducts} on the Vector API (incubator module
 * jdk.incubator.vector), loaded by name only when that module is present.
 *
 * <p>Register blocking as in the GotoBLAS/BLIS micro-kernels (Goto and van de Geijn,
 * "Anatomy of high-performance matrix multiplication", ACM TOMS 34, 2008): a tile of
 * {@value #TILE_ROWS} rows by three vectors of C stays in registers while p runs over a
 * depth block, each step loading three vectors of row p of B and broadcasting eight
 * elements of A into 24 fused multiply-adds. B is first copied, one depth block by ten tiles
 * at a time, into tiles whose rows are contiguous (packed panels); rows left over after whole
 * tiles go one at a time, and columns left over use tiles of {@value #ROWS} rows by one
 * vector. Every element is the chain
 * {@code c = fma(a_ip, b_pj, c)} over p in increasing order, exactly as in the plain-Java
 * kernel, so both give the same bits. {@link #symmetricRows} keeps each row's eight partial
 * sums in the lanes of one vector when vectors hold eight doubles, and defers to the
 * plain-Java kernel otherwise.
 */
final class VectorProducts implements DenseProducts.Kernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Rows of C in the main register tile. */
    private static final int TILE_ROWS = 8;
    /** Rows of C in the tiles of the columns left over. */
    private static final int ROWS = 4;
    private static final int TILE = 3 * LANES;
    private static final int DEPTH_BLOCK = 256;
    private static final int ROW_BLOCK = 64;
    private static final int WIDTH_BLOCK = 10 * TILE;
    /**
     * Depth up to which the tiles of C are visited along its rows rather than down its
     * columns: with few steps per tile, loading C dominates, and reading it in row order lets
     * the hardware prefetch it.
     */
    private static final int SHALLOW = 64;

    @Override
    public String name() {
        return "Vector API, " + LANES + " doubles";
    }

    /**
     * Four rows at a time: their shares of the columns from the first whole vector past
     * the block on are computed together, so p and v are read once per four matrix rows and
     * the four dot products run as independent chains. The columns before (the block's
     * corner) and after (the last partial vector) follow row after row. Each p[c] and each
     * partial sum still receives its terms in the row-by-row order, so the bits are the
     * same as the plain-Java kernel's.
     */
    @Override
    public void symmetricRows(double[] a, int base, int stride, int size, int first,
                              int count, double[] v, double[] p) {
        if (LANES != DenseProducts.PARTIAL_SUMS || count != 4) {
            DenseProducts.Kernel.super.symmetricRows(a, base, stride, size, first, count, v, p);
            return;
        }
        int row0 = base + first * stride;
        int row1 = row0 + stride;
        int row2 = row1 + stride;
        int row3 = row2 + stride;
        int sharedStart = Math.min(size, (first + 4 + LANES - 1) / LANES * LANES);
        int sharedEnd = sharedStart + (size - sharedStart) / LANES * LANES;
        double[] partial = new double[4 * LANES];
        rowsByElement(a, row0, stride, first, first, sharedStart, v, p, partial);

        DoubleVector scale0 = DoubleVector.broadcast(SPECIES, v[first]);
        DoubleVector scale1 = DoubleVector.broadcast(SPECIES, v[first + 1]);
        DoubleVector scale2 = DoubleVector.broadcast(SPECIES, v[first + 2]);
        DoubleVector scale3 = DoubleVector.broadcast(SPECIES, v[first + 3]);
        DoubleVector sums0 = DoubleVector.fromArray(SPECIES, partial, 0);
        DoubleVector sums1 = DoubleVector.fromArray(SPECIES, partial, LANES);
        DoubleVector sums2 = DoubleVector.fromArray(SPECIES, partial, 2 * LANES);
        DoubleVector sums3 = DoubleVector.fromArray(SPECIES, partial, 3 * LANES);
        for (int c = sharedStart; c < sharedEnd; c += LANES) {
            DoubleVector entry0 = DoubleVector.fromArray(SPECIES, a, row0 + c);
            DoubleVector entry1 = DoubleVector.fromArray(SPECIES, a, row1 + c);
            DoubleVector entry2 = DoubleVector.fromArray(SPECIES, a, row2 + c);
            DoubleVector entry3 = DoubleVector.fromArray(SPECIES, a, row3 + c);
            DoubleVector vc = DoubleVector.fromArray(SPECIES, v, c);
            DoubleVector.fromArray(SPECIES, p, c).add(entry0.mul(scale0)).add(entry1.mul(scale1))
                    .add(entry2.mul(scale2)).add(entry3.mul(scale3)).intoArray(p, c);
            sums0 = sums0.add(entry0.mul(vc));
            sums1 = sums1.add(entry1.mul(vc));
            sums2 = sums2.add(entry2.mul(vc));
            sums3 = sums3.add(entry3.mul(vc));
        }
        sums0.intoArray(partial, 0);
        sums1.intoArray(partial, LANES);
        sums2.intoArray(partial, 2 * LANES);
        sums3.intoArray(partial, 3 * LANES);
        rowsByElement(a, row0, stride, first, sharedEnd, size, v, p, partial);

        for (int j = 0; j < 4; j++) {
            int r = first + j;
            double dot = 0;
            for (int lane = 0; lane < LANES; lane++) {
                dot += partial[j * LANES + lane];
            }
            p[r] += dot + a[row0 + j * stride + r] * v[r];
        }
    }

    /** The four rows' terms for columns {@code from..to-1} past their diagonals, row by row. */
    private static void rowsByElement(double[] a, int row0, int stride, int first, int from,
                                      int to, double[] v, double[] p, double[] partial) {
        for (int j = 0; j < 4; j++) {
            int stored = row0 + j * stride;
            int own = j * LANES;
            double vr = v[first + j];
            for (int c = Math.max(from, first + j + 1); c < to; c++) {
                double entry = a[stored + c];
                p[c] += vr * entry;
                partial[own + c % LANES] += entry * v[c];
            }
        }
    }

    @Override
    public void accumulate(double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                           double[] c, int cOffset, int ldc, int rowStart, int rowEnd,
                           int columns, int depth, boolean upperOnly) {
        int tiled = columns / TILE * TILE;
        double[] packed = new double[Math.min(depth, DEPTH_BLOCK) * Math.min(tiled, WIDTH_BLOCK)];
        for (int p0 = 0; p0 < depth; p0 += DEPTH_BLOCK) {
            int p1 = Math.min(depth, p0 + DEPTH_BLOCK);
            int rows = p1 - p0;
            for (int j0 = 0; j0 < tiled; j0 += WIDTH_BLOCK) {
                int j1 = Math.min(tiled, j0 + WIDTH_BLOCK);
                if (upperOnly && j1 <= rowStart) {
                    continue;
                }
                pack(b, bOffset, ldb, p0, p1, j0, j1, packed);
                for (int i0 = rowStart; i0 < rowEnd; i0 += ROW_BLOCK) {
                    int i1 = Math.min(rowEnd, i0 + ROW_BLOCK);
                    if (rows <= SHALLOW) {
                        for (int i = i0; i < i1; i += TILE_ROWS) {
                            for (int j = j0; j < j1; j += TILE) {
                                tile(a, aOffset, lda, packed, (j - j0) * rows - p0 * TILE, c,
                                        cOffset, ldc, i, i1, j, p0, p1, upperOnly);
                            }
                        }
                    } else {
                        for (int j = j0; j < j1; j += TILE) {
                            for (int i = i0; i < i1; i += TILE_ROWS) {
                                tile(a, aOffset, lda, packed, (j - j0) * rows - p0 * TILE, c,
                                        cOffset, ldc, i, i1, j, p0, p1, upperOnly);
                            }
                        }
                    }
                }
            }
            if (tiled < columns) {
                Operands o = new Operands(a, aOffset, lda, b, bOffset, ldb, c, cOffset, ldc);
                for (int i0 = rowStart; i0 < rowEnd; i0 += ROW_BLOCK) {
                    int i1 = Math.min(rowEnd, i0 + ROW_BLOCK);
                    remainder(o, i0, i1, tiled, columns, p0, p1, upperOnly);
                }
            }
        }
    }

    /** One tile of C: rows i..i+7 (fewer at the end of the row block), columns j..j+TILE-1. */
    private static void tile(double[] a, int aOffset, int lda, double[] packed, int tile,
                             double[] c, int cOffset, int ldc, int i, int i1, int j, int p0,
                             int p1, boolean upperOnly) {
        if (upperOnly && j + TILE <= i) {
            return;
        }
        if (i + TILE_ROWS <= i1) {
            eightByThree(a, aOffset + i * lda, lda, packed, tile, TILE, c, cOffset + i * ldc + j,
                    ldc, p0, p1);
        } else {
            for (int row = i; row < i1; row++) {
                oneByThree(a, aOffset + row * lda, packed, tile, TILE, c, cOffset + row * ldc + j,
                        p0, p1);
            }
        }
    }

    /**
     * Copies B's rows p0..p1-1, columns j0..j1-1 (whole tiles) into {@code packed}, tile by
     * tile, each tile's rows contiguous (the tile kernels' reads then run through
     * consecutive memory, as in the packed panels of BLIS).
     */
    private static void pack(double[] b, int bOffset, int ldb, int p0, int p1, int j0, int j1,
                             double[] packed) {
        int rows = p1 - p0;
        for (int j = j0; j < j1; j += TILE) {
            int tile = (j - j0) * rows;
            for (int p = p0; p < p1; p++) {
                System.arraycopy(b, bOffset + p * ldb + j, packed, tile + (p - p0) * TILE, TILE);
            }
        }
    }

    /** Columns {@code start..n-1} (fewer than a tile) of rows i0..i1-1. */
    private static void remainder(Operands o, int i0, int i1, int start, int n, int p0, int p1,
                                  boolean upperOnly) {
        int j = start;
        for (; j + LANES <= n; j += LANES) {
            int row = i0;
            for (; row + ROWS <= i1; row += ROWS) {
                if (!upperOnly || j + LANES > row) {
                    fourByOne(o.a, o.aOffset + row * o.lda, o.lda, o.b, o.bOffset + j, o.ldb,
                            o.c, o.cOffset + row * o.ldc + j, o.ldc, p0, p1);
                }
            }
            for (; row < i1; row++) {
                if (!upperOnly || j + LANES > row) {
                    oneByOne(o.a, o.aOffset + row * o.lda, o.b, o.bOffset + j, o.ldb, o.c,
                            o.cOffset + row * o.ldc + j, p0, p1);
                }
            }
        }
        for (; j < n; j++) {
            for (int row = i0; row < i1; row++) {
                if (!upperOnly || j >= row) {
                    DenseProducts.scalarElement(o.a, o.aOffset + row * o.lda, o.b,
                            o.bOffset + j, o.ldb, o.c, o.cOffset + row * o.ldc + j, p0, p1);
                }
            }
        }
    }

    /** The three operands with their offsets and row strides. */
    private record Operands(double[] a, int aOffset, int lda, double[] b, int bOffset, int ldb,
                            double[] c, int cOffset, int ldc) {
    }

    /** C[0..7][0..TILE) += A[0..7][p0..p1) B[p0..p1][0..TILE); offsets at the tile. */
    private static void eightByThree(double[] a, int a0, int lda, double[] b, int bStart,
                                     int ldb, double[] c, int r0, int ldc, int p0, int p1) {
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        int r6 = r5 + ldc;
        int r7 = r6 + ldc;
        DoubleVector c00 = DoubleVector.fromArray(SPECIES, c, r0);
        DoubleVector c01 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
        DoubleVector c02 = DoubleVector.fromArray(SPECIES, c, r0 + 2 * LANES);
        DoubleVector c10 = DoubleVector.fromArray(SPECIES, c, r1);
        DoubleVector c11 = DoubleVector.fromArray(SPECIES, c, r1 + LANES);
        DoubleVector c12 = DoubleVector.fromArray(SPECIES, c, r1 + 2 * LANES);
        DoubleVector c20 = DoubleVector.fromArray(SPECIES, c, r2);
        DoubleVector c21 = DoubleVector.fromArray(SPECIES, c, r2 + LANES);
        DoubleVector c22 = DoubleVector.fromArray(SPECIES, c, r2 + 2 * LANES);
        DoubleVector c30 = DoubleVector.fromArray(SPECIES, c, r3);
        DoubleVector c31 = DoubleVector.fromArray(SPECIES, c, r3 + LANES);
        DoubleVector c32 = DoubleVector.fromArray(SPECIES, c, r3 + 2 * LANES);
        DoubleVector c40 = DoubleVector.fromArray(SPECIES, c, r4);
        DoubleVector c41 = DoubleVector.fromArray(SPECIES, c, r4 + LANES);
        DoubleVector c42 = DoubleVector.fromArray(SPECIES, c, r4 + 2 * LANES);
        DoubleVector c50 = DoubleVector.fromArray(SPECIES, c, r5);
        DoubleVector c51 = DoubleVector.fromArray(SPECIES, c, r5 + LANES);
        DoubleVector c52 = DoubleVector.fromArray(SPECIES, c, r5 + 2 * LANES);
        DoubleVector c60 = DoubleVector.fromArray(SPECIES, c, r6);
        DoubleVector c61 = DoubleVector.fromArray(SPECIES, c, r6 + LANES);
        DoubleVector c62 = DoubleVector.fromArray(SPECIES, c, r6 + 2 * LANES);
        DoubleVector c70 = DoubleVector.fromArray(SPECIES, c, r7);
        DoubleVector c71 = DoubleVector.fromArray(SPECIES, c, r7 + LANES);
        DoubleVector c72 = DoubleVector.fromArray(SPECIES, c, r7 + 2 * LANES);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int a4 = a3 + lda;
        int a5 = a4 + lda;
        int a6 = a5 + lda;
        int a7 = a6 + lda;
        for (int p = p0; p < p1; p++) {
            int row = bStart + p * ldb;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, row);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, row + LANES);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, row + 2 * LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = DoubleVector.broadcast(SPECIES, a[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = DoubleVector.broadcast(SPECIES, a[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = DoubleVector.broadcast(SPECIES, a[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
            x = DoubleVector.broadcast(SPECIES, a[a4 + p]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            c42 = x.fma(b2, c42);
            x = DoubleVector.broadcast(SPECIES, a[a5 + p]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            c52 = x.fma(b2, c52);
            x = DoubleVector.broadcast(SPECIES, a[a6 + p]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            c62 = x.fma(b2, c62);
            x = DoubleVector.broadcast(SPECIES, a[a7 + p]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            c72 = x.fma(b2, c72);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + LANES);
        c02.intoArray(c, r0 + 2 * LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c12.intoArray(c, r1 + 2 * LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c22.intoArray(c, r2 + 2 * LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c32.intoArray(c, r3 + 2 * LANES);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + LANES);
        c42.intoArray(c, r4 + 2 * LANES);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + LANES);
        c52.intoArray(c, r5 + 2 * LANES);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + LANES);
        c62.intoArray(c, r6 + 2 * LANES);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + LANES);
        c72.intoArray(c, r7 + 2 * LANES);
    }

    private static void oneByThree(double[] a, int a0, double[] b, int bStart, int ldb,
                                   double[] c, int r0, int p0, int p1) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, c, r0);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, c, r0 + LANES);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, c, r0 + 2 * LANES);
        for (int p = p0; p < p1; p++) {
            int row = bStart + p * ldb;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            c0 = x.fma(DoubleVector.fromArray(SPECIES, b, row), c0);
            c1 = x.fma(DoubleVector.fromArray(SPECIES, b, row + LANES), c1);
            c2 = x.fma(DoubleVector.fromArray(SPECIES, b, row + 2 * LANES), c2);
        }
        c0.intoArray(c, r0);
        c1.intoArray(c, r0 + LANES);
        c2.intoArray(c, r0 + 2 * LANES);
    }

    private static void fourByOne(double[] a, int a0, int lda, double[] b, int bStart,
                                  int ldb, double[] c, int r0, int ldc, int p0, int p1) {
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, c, r0);
        DoubleVector c1 = DoubleVector.fromArray(SPECIES, c, r1);
        DoubleVector c2 = DoubleVector.fromArray(SPECIES, c, r2);
        DoubleVector c3 = DoubleVector.fromArray(SPECIES, c, r3);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int p = p0; p < p1; p++) {
            DoubleVector y = DoubleVector.fromArray(SPECIES, b, bStart + p * ldb);
            c0 = DoubleVector.broadcast(SPECIES, a[a0 + p]).fma(y, c0);
            c1 = DoubleVector.broadcast(SPECIES, a[a1 + p]).fma(y, c1);
            c2 = DoubleVector.broadcast(SPECIES, a[a2 + p]).fma(y, c2);
            c3 = DoubleVector.broadcast(SPECIES, a[a3 + p]).fma(y, c3);
        }
        c0.intoArray(c, r0);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
    }

    private static void oneByOne(double[] a, int a0, double[] b, int bStart, int ldb,
                                 double[] c, int r0, int p0, int p1) {
        DoubleVector c0 = DoubleVector.fromArray(SPECIES, c, r0);
        for (int p = p0; p < p1; p++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + p]);
            c0 = x.fma(DoubleVector.fromArray(SPECIES, b, bStart + p * ldb), c0);
        }
        c0.intoArray(c, r0);
    }
}
