package org.memoscope.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ejml.data.DMatrixRMaj;
import org.memoscope.compute.JobContext;

/**
 * Paired samples of the two linear models at one n, as images: for each of a few seeds, model
 * 1's sample, model 2's sample for the same seed, and each one's nearest training image (by
 * |cosine|, in its own model's training set), with {@code cos(x_1, x_2)} and each sample's
 * signed cosine to its nearest training image. Small n shows copies (|cos| to the nearest
 * near 1, at n = 1 exactly 1: the sample is a multiple of the one training image); large n
 * shows two models that agree ({@code cos(x_1, x_2)} near 1) on images unlike any one
 * training image.
 *
 * <p>The draws are those of repetition 0 of {@link DataExperiment} with the same seed: the
 * same training sets and, for row j, the same sampling seed z_j at every n.
 *
 * <p>Display. Images are returned with the source's {@link DataSource#displayMean()} added
 * back (cosines are measured without it), row by row ({@code row * width + column}), and the
 * grid carries one display range for all its images: the smallest and largest pixel of its
 * training images. Samples can leave that range (at n = 1 a sample is {@code w x_1} with
 * {@code w ~ N(0, 1)}, so it may be brighter, or a negative); a viewer clips them, which
 * keeps brightness comparable across the grid instead of stretching each image.
 *
 * @param source       description of the data source
 * @param sampleCount  n per model
 * @param seed         the root seed
 * @param height       rows per image
 * @param width        columns per image
 * @param displayLow   the value shown as black
 * @param displayHigh  the value shown as white
 * @param rows         one row per seed
 */
public record SampleGrid(String source, int sampleCount, long seed, int height, int width,
                         double displayLow, double displayHigh, List<Row> rows) {

    /** Largest number of rows. */
    public static final int MAX_ROWS = 64;

    /** Copies the list. */
    public SampleGrid {
        rows = List.copyOf(rows);
    }

    /**
     * One seed's pair of samples and their nearest training images (pixels with the mean
     * added back; arrays are copied in and out).
     *
     * @param seedIndex           j, the sampling seed's index
     * @param firstSample         model 1's sample x_1(z_j)
     * @param secondSample        model 2's sample x_2(z_j)
     * @param firstNearest        the training image of model 1 nearest to x_1
     * @param secondNearest       the training image of model 2 nearest to x_2
     * @param firstNearestIndex   its index in the image set (for a finite set), else its row
     *                            in model 1's training set
     * @param secondNearestIndex  likewise for model 2
     * @param sampleCosine        cos(x_1, x_2), mean removed
     * @param firstNearestCosine  cos(x_1, its nearest training image), signed, mean removed
     * @param secondNearestCosine cos(x_2, its nearest training image), signed, mean removed
     */
    public record Row(int seedIndex, double[] firstSample, double[] secondSample,
                      double[] firstNearest, double[] secondNearest, int firstNearestIndex,
                      int secondNearestIndex, double sampleCosine, double firstNearestCosine,
                      double secondNearestCosine) {

        /** Copies the arrays. */
        public Row {
            firstSample = firstSample.clone();
            secondSample = secondSample.clone();
            firstNearest = firstNearest.clone();
            secondNearest = secondNearest.clone();
        }

        /** A copy of model 1's sample. */
        @Override
        public double[] firstSample() {
            return firstSample.clone();
        }

        /** A copy of model 2's sample. */
        @Override
        public double[] secondSample() {
            return secondSample.clone();
        }

        /** A copy of model 1's nearest training image. */
        @Override
        public double[] firstNearest() {
            return firstNearest.clone();
        }

        /** A copy of model 2's nearest training image. */
        @Override
        public double[] secondNearest() {
            return secondNearest.clone();
        }
    }

    /**
     * The grid of {@code rowCount} seeds at n for the image source.
     *
     * @throws IllegalArgumentException if the source is not images, n cannot be drawn,
     *                                  rowCount is outside 1..{@value #MAX_ROWS}, or the sizes
     *                                  would not fit in the heap
     * @throws org.memoscope.compute.JobCancelledException when {@code context} is cancelled
     */
    public static SampleGrid compute(DataSource source, int sampleCount, int rowCount,
                                     long seed, JobContext context) {
        Objects.requireNonNull(source, "source");
        if (!source.isImage()) {
            throw new IllegalArgumentException("a sample grid needs images, and "
                    + source.description() + " is not an image source");
        }
        if (rowCount < 1 || rowCount > MAX_ROWS) {
            throw new IllegalArgumentException("rows must be in 1.." + MAX_ROWS + ", got "
                    + rowCount);
        }
        source.checkSampleCount(sampleCount);
        DataExperiment.checkMemory(source, sampleCount, rowCount, 0);
        Runnable checkpoint = DataExperiment.checkpoint(context);
        context.reportProgress(0, "sampling " + rowCount + " pairs at n = " + sampleCount);

        DataPairDraw draw = DataPairDraw.draw(source, sampleCount, 0, seed, rowCount, 0,
                checkpoint);
        double[] sampleCosines = SampleGeometry.columnCosines(draw.firstSamples,
                draw.secondSamples);
        SampleGeometry.Nearest first = SampleGeometry.nearestTraining(draw.training.first(),
                draw.firstSamples);
        SampleGeometry.Nearest second = SampleGeometry.nearestTraining(
                draw.training.second(), draw.secondSamples);
        checkpoint.run();

        double[] mean = source.displayMean();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<Row> rows = new ArrayList<>(rowCount);
        for (int j = 0; j < rowCount; j++) {
            double[] firstNearest = row(draw.training.first(), first.rows()[j], mean);
            double[] secondNearest = row(draw.training.second(), second.rows()[j], mean);
            for (double[] image : List.of(firstNearest, secondNearest)) {
                for (double value : image) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
            rows.add(new Row(j, column(draw.firstSamples, j, mean),
                    column(draw.secondSamples, j, mean), firstNearest, secondNearest,
                    index(draw.training.firstIndices(), first.rows()[j]),
                    index(draw.training.secondIndices(), second.rows()[j]),
                    sampleCosines[j], first.cosines()[j], second.cosines()[j]));
        }
        if (!(high > low)) {
            high = low + 1;
        }
        context.reportProgress(1, "sampled " + rowCount + " pairs at n = " + sampleCount);
        return new SampleGrid(source.description(), sampleCount, seed, source.imageHeight(),
                source.imageWidth(), low, high, rows);
    }

    private static int index(int[] indices, int row) {
        return indices.length == 0 ? row : indices[row];
    }

    private static double[] row(DMatrixRMaj matrix, int row, double[] mean) {
        double[] image = new double[matrix.numCols];
        for (int i = 0; i < image.length; i++) {
            image[i] = matrix.data[row * matrix.numCols + i] + mean[i];
        }
        return image;
    }

    private static double[] column(DMatrixRMaj matrix, int column, double[] mean) {
        double[] image = new double[matrix.numRows];
        for (int i = 0; i < image.length; i++) {
            image[i] = matrix.data[i * matrix.numCols + column] + mean[i];
        }
        return image;
    }
}
