package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The blocked dot-product kernel against the plain triple loop, on awkward sizes. */
class PairwiseDotsTest {

    @Test
    void matchesThePlainProductOnRowsAndColumns() {
        // Sizes that are not multiples of the 4-wide tiles nor of the 128-long chunks.
        for (int[] shape : new int[][] {{1, 1}, {3, 7}, {130, 9}, {261, 6}, {5, 300}}) {
            int rows = shape[0];
            int columns = shape[1];
            double[] data = new double[rows * columns];
            SplittableRandom random = new SplittableRandom(rows * 1000L + columns);
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextGaussian();
            }

            double[] ofColumns = PairwiseDots.compute(data, rows, columns, true);
            double[] ofRows = PairwiseDots.compute(data, rows, columns, false);

            for (int a = 0; a < columns; a++) {
                for (int b = 0; b < columns; b++) {
                    double expected = 0;
                    for (int k = 0; k < rows; k++) {
                        expected += data[k * columns + a] * data[k * columns + b];
                    }
                    assertEquals(expected, ofColumns[a * columns + b], 1e-10 * rows);
                }
            }
            for (int a = 0; a < rows; a++) {
                for (int b = 0; b < rows; b++) {
                    double expected = 0;
                    for (int k = 0; k < columns; k++) {
                        expected += data[a * columns + k] * data[b * columns + k];
                    }
                    assertEquals(expected, ofRows[a * rows + b], 1e-10 * columns);
                }
            }
        }
    }
}
