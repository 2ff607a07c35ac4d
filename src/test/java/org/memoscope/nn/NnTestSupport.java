package org.memoscope.nn;

import java.util.Random;
import java.util.function.Function;

/** Random inputs, inner products and finite differences shared by the nn tests. */
final class NnTestSupport {

    private NnTestSupport() {
    }

    /** Maps with independent N(0, 1) pixels. */
    static FeatureMaps gaussianMaps(Random random, int batch, int channels, int height,
            int width) {
        float[] values = new float[batch * channels * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return FeatureMaps.fromNchw(values, batch, channels, height, width);
    }

    /** The inner product of two equally shaped maps, summed in double. */
    static double dot(FeatureMaps a, FeatureMaps b) {
        float[] x = a.toNchw();
        float[] y = b.toNchw();
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (double) x[i] * y[i];
        }
        return sum;
    }

    /** Euclidean norm of the difference over the norm of {@code reference}. */
    static double relativeError(double[] value, double[] reference) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < value.length; i++) {
            difference += (value[i] - reference[i]) * (value[i] - reference[i]);
            norm += reference[i] * reference[i];
        }
        return Math.sqrt(difference / norm);
    }

    /** As {@link #relativeError(double[], double[])} for float arrays. */
    static double relativeError(float[] value, float[] reference) {
        double[] a = new double[value.length];
        double[] b = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            a[i] = value[i];
            b[i] = reference[i];
        }
        return relativeError(a, b);
    }

    /**
     * Central differences {@code (L(x + eps e_i) - L(x - eps e_i)) / 2 eps} of a scalar
     * function of {@code values[i]}, for every i, restoring each value afterwards.
     */
    static double[] centralDifferences(float[] values, double eps,
            Function<float[], Double> objective) {
        double[] slopes = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            values[i] = (float) (original + eps);
            double plus = objective.apply(values);
            values[i] = (float) (original - eps);
            double minus = objective.apply(values);
            values[i] = original;
            slopes[i] = (plus - minus) / (2 * eps);
        }
        return slopes;
    }

    /** The interior values of maps as doubles, in NCHW order. */
    static double[] toDoubles(FeatureMaps maps) {
        float[] values = maps.toNchw();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** A float array as doubles. */
    static double[] toDoubles(float[] values) {
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
