package org.memoscope.model;

import java.util.List;

/**
 * Simulated points on a load grid, tagged with the parameters that produced them
 * (dimension, spikes, ridge, seeds), so a view can refuse a stale curve.
 */
public record SimulationCurve(ExplorerParameters parameters, List<SimulationPoint> points) {

    public SimulationCurve {
        points = List.copyOf(points);
    }
}
