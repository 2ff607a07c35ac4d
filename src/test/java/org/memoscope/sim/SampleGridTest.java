package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.memoscope.compute.JobContext;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;
import org.memoscope.data.PowerLawSpectrum;

/**
 * Sample grids: shapes, cosine ranges, copies at n = 1, agreement with the experiment's own
 * draws, and the mean added back for display.
 */
class SampleGridTest {

    private static final DataSource FIELDS = DataSource.powerLawField(new PowerLawField(8, 2));

    @Test
    void shapesAndCosineRanges() {
        SampleGrid grid = SampleGrid.compute(FIELDS, 20, 6, 3, JobContext.NONE);
        assertEquals(6, grid.rows().size());
        assertEquals(8, grid.height());
        assertEquals(8, grid.width());
        assertTrue(grid.displayLow() < grid.displayHigh());
        for (SampleGrid.Row row : grid.rows()) {
            assertEquals(64, row.firstSample().length);
            assertEquals(64, row.secondSample().length);
            assertEquals(64, row.firstNearest().length);
            assertEquals(64, row.secondNearest().length);
            for (double cosine : new double[] {row.sampleCosine(), row.firstNearestCosine(),
                row.secondNearestCosine()}) {
                assertTrue(cosine >= -1 && cosine <= 1, "cosine " + cosine);
            }
            assertTrue(row.firstNearestIndex() >= 0 && row.firstNearestIndex() < 20);
        }
    }

    /** At n = 1 a sample is w x_1, so its nearest (only) training image has |cos| = 1. */
    @Test
    void singleTrainingImageIsCopied() {
        SampleGrid grid = SampleGrid.compute(FIELDS, 1, 6, 8, JobContext.NONE);
        for (SampleGrid.Row row : grid.rows()) {
            assertEquals(1, Math.abs(row.firstNearestCosine()), 1e-12);
            assertEquals(1, Math.abs(row.secondNearestCosine()), 1e-12);
        }
    }

    /** Row j's cos(A, B) is the experiment's draw j of repetition 0 at the same seed. */
    @Test
    void rowsAreTheExperimentsDraws() {
        SampleGrid grid = SampleGrid.compute(FIELDS, 30, 4, 21, JobContext.NONE);
        DataPairDraw draw = DataPairDraw.draw(FIELDS, 30, 0, 21, 16, 16, () -> { });
        double[] cosines = SampleGeometry.columnCosines(draw.firstSamples, draw.secondSamples);
        for (int j = 0; j < 4; j++) {
            assertEquals(cosines[j], grid.rows().get(j).sampleCosine(), 1e-12);
        }
    }

    /** An image set's mean is added back: constant images come back as themselves. */
    @Test
    void meanIsAddedBackForDisplay() {
        double[] pixels = new double[40 * 16];
        for (int i = 0; i < 40; i++) {
            for (int p = 0; p < 16; p++) {
                pixels[i * 16 + p] = 0.5 + (i % 2 == 0 ? 0.1 : -0.1) * (p % 3 - 1);
            }
        }
        DataSource images = DataSource.imageSet(ImageSet.of("stripes", 40, 4, 4, pixels));
        SampleGrid grid = SampleGrid.compute(images, 3, 2, 5, JobContext.NONE);
        double[] nearest = grid.rows().get(0).firstNearest();
        int index = grid.rows().get(0).firstNearestIndex();
        assertArrayEquals(java.util.Arrays.copyOfRange(pixels, index * 16, index * 16 + 16),
                nearest, 1e-12);
    }

    @Test
    void refusesDataThatAreNotImages() {
        DataSource spectrum = DataSource.powerLawSpectrum(new PowerLawSpectrum(64, 1));
        assertThrows(IllegalArgumentException.class,
                () -> SampleGrid.compute(spectrum, 4, 2, 1, JobContext.NONE));
    }
}
