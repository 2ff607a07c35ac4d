package org.memoscope.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.memoscope.compute.JobContext;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;

/**
 * Fault suite, memory guard: a simulation that cannot fit in the heap is refused before
 * anything is allocated, with a message that names the sizes and the way out, never an
 * OutOfMemoryError.
 */
class SimulationMemoryTest {

    @Test
    void aPointFarBeyondTheHeapIsRefusedWithAMessage() {
        // d = 4000, gamma = 100: n = 400000, two training sets alone are 25.6 GB.
        ExplorerParameters parameters = ExplorerParameters.DEFAULTS.withDimension(4000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LinearModelExperiment.measure(parameters, 100, JobContext.NONE));
        String message = refused.getMessage();
        assertTrue(message.contains("n = 400000"), message);
        assertTrue(message.contains("d = 4000"), message);
        assertTrue(message.contains("GB of memory"), message);
        assertTrue(message.contains("-Xmx"), message);
    }

    @Test
    void tooManySeedsAreRefusedBeforeACurveStarts() {
        // 100000 seeds in d = 4000: the seed matrix alone is 3.2 GB, over the test heap.
        ExplorerParameters parameters = ExplorerParameters.DEFAULTS.withDimension(4000)
                .withSeedCount(100_000);
        assertThrows(IllegalArgumentException.class, () -> LinearModelExperiment.curve(
                parameters, LoadGrid.logarithmic(1e-2, 1e2, 13), JobContext.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> LinearModelExperiment.requireMemory(parameters, 0.01));
    }

    @Test
    void interactiveSizesPass() {
        // The window's largest dimension at its largest simulated load, 512 seeds.
        ExplorerParameters parameters = ExplorerParameters.DEFAULTS.withDimension(4000)
                .withSeedCount(512);
        assertDoesNotThrow(() -> LinearModelExperiment.requireMemory(parameters,
                LinearModelExperiment.maxSimulatedLoad(4000)));
        assertDoesNotThrow(() -> SimulationMemory.require(100, 100, 64));
    }

    @Test
    void theEstimateGrowsWithEverySize() {
        double base = SimulationMemory.estimatedBytes(500, 1000, 64);
        assertTrue(SimulationMemory.estimatedBytes(600, 1000, 64) > base);
        assertTrue(SimulationMemory.estimatedBytes(500, 1100, 64) > base);
        assertTrue(SimulationMemory.estimatedBytes(500, 1000, 65) > base);
        // At least the two training sets.
        assertTrue(base >= 2.0 * 500 * 1000 * Double.BYTES);
    }
}
