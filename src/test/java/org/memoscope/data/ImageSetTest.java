package org.memoscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.memoscope.data.ImageSet.DisjointSplit;

/** The image set: layout, copies, subsets, disjoint splits, centring, crops and pooling. */
class ImageSetTest {

    /** 25 images of 28x28 whose pixel (i, row, column) is i * 10000 + row * 100 + column. */
    private static ImageSet numbered() {
        double[] pixels = new double[25 * 28 * 28];
        for (int i = 0; i < 25; i++) {
            for (int row = 0; row < 28; row++) {
                for (int column = 0; column < 28; column++) {
                    pixels[(i * 28 + row) * 28 + column] = i * 10000 + row * 100 + column;
                }
            }
        }
        return ImageSet.of("numbered", 25, 28, 28, pixels);
    }

    @Test
    void imagesAreFlattenedRowByRow() {
        ImageSet images = numbered();

        assertEquals(784, images.dimension());
        assertEquals(30507, images.pixel(3, 5, 7));
        assertEquals(30507, images.value(3, 5 * 28 + 7));
        assertEquals(30507, images.image(3)[5 * 28 + 7]);
        DMatrixRMaj matrix = images.toMatrix();
        assertEquals(25, matrix.numRows);
        assertEquals(784, matrix.numCols);
        assertEquals(30507, matrix.get(3, 5 * 28 + 7));
        assertArrayEquals(images.image(24), images.toVectors()[24]);
    }

    @Test
    void theSetNeverSharesItsArray() {
        double[] pixels = {1, 2, 3, 4};
        ImageSet images = ImageSet.of("four", 4, 1, 1, pixels);

        pixels[0] = 100;
        images.image(1)[0] = 100;
        images.copyPixels()[2] = 100;
        images.toMatrix().set(3, 0, 100);

        assertArrayEquals(new double[] {1, 2, 3, 4}, images.copyPixels());
    }

    @Test
    void disjointSplitsAreDisjointAndFollowTheSeed() {
        ImageSet images = numbered();

        DisjointSplit split = images.disjointSplits(10, 42);

        Set<Integer> seen = new HashSet<>();
        for (int index : split.firstIndices()) {
            assertTrue(seen.add(index));
        }
        for (int index : split.secondIndices()) {
            assertTrue(seen.add(index), "index " + index + " is in both splits");
        }
        assertEquals(20, seen.size());
        assertEquals(10, split.first().count());
        assertEquals(10, split.second().count());
        for (int k = 0; k < 10; k++) {
            assertArrayEquals(images.image(split.firstIndices()[k]), split.first().image(k));
            assertArrayEquals(images.image(split.secondIndices()[k]), split.second().image(k));
        }

        DisjointSplit again = images.disjointSplits(10, 42);
        assertArrayEquals(split.firstIndices(), again.firstIndices());
        assertArrayEquals(split.secondIndices(), again.secondIndices());
        assertFalse(Arrays.equals(split.firstIndices(),
                images.disjointSplits(10, 43).firstIndices()));
    }

    @Test
    void splitsMayUseEveryImage() {
        ImageSet images = numbered().first(24);

        DisjointSplit split = images.disjointSplits(12, 1);

        assertEquals(12, split.second().count());
    }

    @Test
    void splitsLargerThanHalfTheSetAreRefused() {
        ImageSet images = numbered();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> images.disjointSplits(13, 1));

        assertEquals("two disjoint splits of 13 images need 26 images, but numbered has only 25",
                error.getMessage());
    }

    @Test
    void centringRemovesTheMeanImage() {
        ImageSet centred = numbered().centred();

        for (double mean : centred.meanImage()) {
            assertEquals(0, mean, 1e-9);
        }
        assertEquals((3 - 12) * 10000, centred.pixel(3, 9, 9), 1e-9);
    }

    @Test
    void cropKeepsTheCentralWindow() {
        ImageSet cropped = numbered().cropCentre(16, 16);

        assertEquals(16, cropped.height());
        assertEquals(16, cropped.width());
        assertEquals(2 * 10000 + 6 * 100 + 6, cropped.pixel(2, 0, 0));
        assertEquals(2 * 10000 + 21 * 100 + 21, cropped.pixel(2, 15, 15));
        assertThrows(IllegalArgumentException.class, () -> numbered().cropCentre(29, 10));
    }

    @Test
    void averagePoolingAveragesBlocks() {
        ImageSet pooled = numbered().averagePool(2);

        assertEquals(14, pooled.height());
        assertEquals(14, pooled.width());
        // Mean of rows 6..7 and columns 10..11: 650.5 + 10.5.
        assertEquals(4 * 10000 + 650 + 10.5, pooled.pixel(4, 3, 5), 1e-9);
        assertEquals(7, numbered().averagePool(4).height());
        assertThrows(IllegalArgumentException.class, () -> numbered().averagePool(3));
    }

    @Test
    void subsetsFollowTheIndices() {
        ImageSet subset = numbered().subset(7, 2, 7);

        assertEquals(3, subset.count());
        assertEquals(70000, subset.pixel(0, 0, 0));
        assertEquals(20000, subset.pixel(1, 0, 0));
        assertEquals(70000, subset.pixel(2, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> numbered().subset(25));
    }

    @Test
    void shapesMustMatchTheData() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("bad", 2, 2, 2, new double[7]));
        assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("bad", 2, 2, new double[][] {{1, 2, 3, 4}, {1, 2, 3}}));
        assertThrows(IllegalArgumentException.class,
                () -> ImageSet.of("empty", 0, 2, 2, new double[0]));
    }
}
