package org.memoscope.model;

/** Grids of load ratios gamma. */
public final class LoadGrid {

    private LoadGrid() {
    }

    /**
     * {@code count} points spaced evenly in log(gamma) from {@code min} to {@code max}
     * inclusive; a single point is {@code min}.
     */
    public static double[] logarithmic(double min, double max, int count) {
        if (!(min > 0) || !(max >= min) || Double.isInfinite(max) || count < 1) {
            throw new IllegalArgumentException("need 0 < min <= max and count >= 1, got min="
                    + min + ", max=" + max + ", count=" + count);
        }
        double[] grid = new double[count];
        double logMin = Math.log(min);
        double step = count == 1 ? 0 : (Math.log(max) - logMin) / (count - 1);
        for (int i = 0; i < count; i++) {
            grid[i] = Math.exp(logMin + i * step);
        }
        grid[0] = min;
        if (count > 1) {
            grid[count - 1] = max;
        }
        return grid;
    }
}
