package org.memoscope.model;

/**
 * A measured quantity: the mean over independent draws and its standard error
 * (sample standard deviation divided by the square root of the number of draws).
 *
 * @param mean          the sample mean
 * @param standardError the standard error of the mean; 0 for a single draw
 * @param draws         how many independent draws the mean is over
 */
public record Estimate(double mean, double standardError, int draws) {

    /** The mean and standard error of {@code values} (all entries are one draw each). */
    public static Estimate of(double[] values) {
        int count = values.length;
        if (count == 0) {
            return new Estimate(Double.NaN, Double.NaN, 0);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= count;
        if (count == 1) {
            return new Estimate(mean, 0, 1);
        }
        double sumSquares = 0;
        for (double v : values) {
            sumSquares += (v - mean) * (v - mean);
        }
        double variance = sumSquares / (count - 1);
        return new Estimate(mean, Math.sqrt(variance / count), count);
    }
}
