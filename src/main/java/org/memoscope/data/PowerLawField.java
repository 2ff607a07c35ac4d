package org.memoscope.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Stationary Gaussian random fields on an L x L periodic grid with a power-law spectrum, the
 * image version of the power-law data model (d = L^2).
 *
 * <p>Model. With the 2-D discrete Fourier transform {@code X(k) = sum_p x(p) e^(-2 pi i k.p / L)}
 * and signed frequencies {@code k = (k_row, k_col)}, each in -L/2+1 .. L/2, the field is
 * {@code x = F^(-1) (sqrt(P) . F w)} for white noise {@code w ~ N(0, I_d)}, so its covariance
 * is the circulant matrix whose eigenvalues are the powers
 * <pre>
 *   P(k) = c |k|^(-alpha)   for k != 0,      P(0) = P(|k| = 1) = c,
 * </pre>
 * and {@code E |X(k)|^2 = d P(k)}. The zero-frequency mode (the image mean) gets the power of the
 * smallest non-zero frequency, so the covariance has full rank; the top eigenvalue is then
 * shared by five modes (k = 0 and the four of |k| = 1). The constant c makes the powers average
 * 1 over the d modes, which makes the variance of every pixel 1 ({@code tau(Sigma) = 1}).
 *
 * <p>Spectrum. The eigenvectors are the real Fourier modes: for each pair {k, -k} a cosine and
 * a sine, {@code sqrt(2/d) cos(2 pi k.p / L)} and {@code sqrt(2/d) sin(2 pi k.p / L)}, and for
 * the self-conjugate k (components 0 or L/2) the cosine alone, scaled by {@code 1/sqrt(d)}.
 * {@link #modes()} lists them by decreasing power (lowest frequencies first); ties are broken
 * by |k|, then by frequency, cosine before sine. Within a group of equal powers any rotation is
 * an equally valid eigenbasis, so latent recovery should compare subspaces of whole groups.
 *
 * <p>Generation uses JTransforms' 2-D complex FFT; natural images sit near alpha = 2
 * (Field, "Relations between the statistics of natural images and the response properties of
 * cortical cells", JOSA A 4, 1987).
 */
public final class PowerLawField {

    /** Smallest grid side. */
    public static final int MIN_SIDE = 8;

    /** Largest grid side. */
    public static final int MAX_SIDE = 64;

    /** Largest exponent alpha. */
    public static final double MAX_ALPHA = 4;

    private final int side;
    private final double alpha;
    private final double[] powerByIndex;
    private final List<FourierMode> modes;

    /**
     * A field on a {@code side x side} grid with spectral exponent {@code alpha}.
     *
     * @throws IllegalArgumentException unless {@code 8 <= side <= 64} and {@code 0 <= alpha <= 4}
     */
    public PowerLawField(int side, double alpha) {
        if (side < MIN_SIDE || side > MAX_SIDE) {
            throw new IllegalArgumentException("grid side must be in " + MIN_SIDE + ".."
                    + MAX_SIDE + ", got " + side);
        }
        if (!(alpha >= 0 && alpha <= MAX_ALPHA)) {
            throw new IllegalArgumentException("alpha must be in 0.." + MAX_ALPHA + ", got "
                    + alpha);
        }
        this.side = side;
        this.alpha = alpha;
        this.powerByIndex = normalisedPowers(side, alpha);
        this.modes = List.copyOf(realModes(side, powerByIndex));
    }

    private static double[] normalisedPowers(int side, double alpha) {
        int d = side * side;
        double[] power = new double[d];
        double sum = 0;
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                double radius = Math.hypot(signed(row, side), signed(column, side));
                double p = radius == 0 ? 1 : Math.pow(radius, -alpha);
                power[row * side + column] = p;
                sum += p;
            }
        }
        double mean = sum / d;
        for (int k = 0; k < d; k++) {
            power[k] /= mean;
        }
        return power;
    }

    private static List<FourierMode> realModes(int side, double[] power) {
        List<FourierMode> list = new ArrayList<>(side * side);
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                int partnerRow = (side - row) % side;
                int partnerColumn = (side - column) % side;
                int index = row * side + column;
                int partnerIndex = partnerRow * side + partnerColumn;
                if (partnerIndex < index) {
                    continue;
                }
                int rowFrequency = signed(row, side);
                int columnFrequency = signed(column, side);
                list.add(new FourierMode(rowFrequency, columnFrequency, false, power[index]));
                if (partnerIndex != index) {
                    list.add(new FourierMode(rowFrequency, columnFrequency, true, power[index]));
                }
            }
        }
        list.sort(Comparator.comparingDouble(FourierMode::power).reversed()
                .thenComparingDouble(FourierMode::radius)
                .thenComparingInt(FourierMode::rowFrequency)
                .thenComparingInt(FourierMode::columnFrequency)
                .thenComparing(FourierMode::sine));
        return list;
    }

    /** The frequency of DFT index {@code k} as a signed integer in -L/2+1 .. L/2. */
    private static int signed(int k, int side) {
        return k <= side / 2 ? k : k - side;
    }

    /** The grid side L. */
    public int side() {
        return side;
    }

    /** The dimension d = L^2. */
    public int dimension() {
        return side * side;
    }

    /** The spectral exponent alpha. */
    public double alpha() {
        return alpha;
    }

    /**
     * The normalised power P(k) of the frequency (row, column), given as signed or as DFT
     * indices (taken modulo L); E |X(k)|^2 = d P(k) for the unnormalised DFT X.
     */
    public double power(int rowFrequency, int columnFrequency) {
        int row = Math.floorMod(rowFrequency, side);
        int column = Math.floorMod(columnFrequency, side);
        return powerByIndex[row * side + column];
    }

    /** The d population eigenvalues (the powers), mean 1, in descending order. */
    public double[] eigenvalues() {
        double[] eigenvalues = new double[modes.size()];
        for (int k = 0; k < eigenvalues.length; k++) {
            eigenvalues[k] = modes.get(k).power();
        }
        return eigenvalues;
    }

    /** The d real Fourier eigenmodes, in the order of {@link #eigenvalues()}. */
    public List<FourierMode> modes() {
        return modes;
    }

    /**
     * The top {@code count} population eigenvectors as unit vectors of length d (pixel index
     * row * L + column), in the order of {@link #eigenvalues()}.
     */
    public double[][] eigenvectors(int count) {
        if (count < 0 || count > modes.size()) {
            throw new IllegalArgumentException("can give 0.." + modes.size()
                    + " eigenvectors, asked for " + count);
        }
        double[][] vectors = new double[count][];
        for (int k = 0; k < count; k++) {
            vectors[k] = modes.get(k).vector(side);
        }
        return vectors;
    }

    /**
     * {@code count} independent fields drawn from the seed, as an image set of L x L images.
     * The same seed gives the same images, and the first images do not depend on count.
     */
    public ImageSet generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int d = dimension();
        double[] amplitude = new double[d];
        for (int k = 0; k < d; k++) {
            amplitude[k] = Math.sqrt(powerByIndex[k]);
        }

        DoubleFFT_2D fft = new DoubleFFT_2D(side, side);
        SplittableRandom random = new SplittableRandom(seed);
        double[] pixels = new double[Math.multiplyExact(count, d)];
        double[] work = new double[2 * d];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < d; k++) {
                work[2 * k] = random.nextGaussian();
                work[2 * k + 1] = 0;
            }
            fft.complexForward(work);
            for (int k = 0; k < d; k++) {
                work[2 * k] *= amplitude[k];
                work[2 * k + 1] *= amplitude[k];
            }
            fft.complexInverse(work, true);
            for (int k = 0; k < d; k++) {
                pixels[i * d + k] = work[2 * k];
            }
        }
        String name = String.format(Locale.ROOT, "power-law field %dx%d alpha=%.2f",
                side, side, alpha);
        return ImageSet.wrap(name, null, count, side, side, pixels);
    }

    /**
     * One real Fourier eigenmode of the field.
     *
     * @param rowFrequency    signed frequency along the rows (vertical), -L/2+1 .. L/2
     * @param columnFrequency signed frequency along the columns (horizontal)
     * @param sine            true for the sine of the pair, false for the cosine
     * @param power           the normalised power, i.e. the eigenvalue
     */
    public record FourierMode(int rowFrequency, int columnFrequency, boolean sine,
                              double power) {

        /** |k| = sqrt(k_row^2 + k_col^2). */
        public double radius() {
            return Math.hypot(rowFrequency, columnFrequency);
        }

        /** The unit eigenvector on an L x L grid, pixel index row * L + column. */
        public double[] vector(int side) {
            int d = side * side;
            boolean selfConjugate = Math.floorMod(2 * rowFrequency, side) == 0
                    && Math.floorMod(2 * columnFrequency, side) == 0;
            double scale = selfConjugate ? Math.sqrt(1.0 / d) : Math.sqrt(2.0 / d);
            double[] vector = new double[d];
            for (int row = 0; row < side; row++) {
                for (int column = 0; column < side; column++) {
                    long phaseIndex = (long) rowFrequency * row + (long) columnFrequency * column;
                    double phase = 2 * Math.PI * Math.floorMod(phaseIndex, side) / side;
                    vector[row * side + column] =
                            scale * (sine ? Math.sin(phase) : Math.cos(phase));
                }
            }
            return vector;
        }
    }
}
