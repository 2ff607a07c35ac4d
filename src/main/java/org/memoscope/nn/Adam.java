package org.memoscope.nn;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Adam optimiser (Kingma and Ba, "Adam: a method for stochastic optimization",
 * ICLR 2015). At step t, for every weight with gradient g:
 * <pre>
 *   m = beta1 m + (1 - beta1) g,       v = beta2 v + (1 - beta2) g^2,
 *   w = w - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + epsilon).
 * </pre>
 * Moments start at zero and are kept per {@link Parameter}.
 */
public final class Adam {

    private final double beta1;

    private final double beta2;

    private final double epsilon;

    private double learningRate;

    private int steps;

    private final Map<Parameter, float[][]> moments = new IdentityHashMap<>();

    /** Adam with the usual beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8. */
    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)
                || !(epsilon > 0)) {
            throw new IllegalArgumentException("invalid Adam settings");
        }
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** Updates every parameter from its accumulated gradient (which is left unchanged). */
    public void step(List<Parameter> parameters) {
        steps++;
        float decay1 = (float) beta1;
        float decay2 = (float) beta2;
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, steps)));
        float varianceCorrection = (float) (1 / (1 - Math.pow(beta2, steps)));
        float eps = (float) epsilon;
        for (Parameter parameter : parameters) {
            float[][] state = moments.computeIfAbsent(parameter,
                    p -> new float[][] {new float[p.size()], new float[p.size()]});
            float[] mean = state[0];
            float[] square = state[1];
            float[] values = parameter.values();
            float[] gradient = parameter.gradient();
            for (int i = 0; i < values.length; i++) {
                float g = gradient[i];
                mean[i] = decay1 * mean[i] + (1 - decay1) * g;
                square[i] = decay2 * square[i] + (1 - decay2) * g * g;
                float root = (float) Math.sqrt(square[i] * varianceCorrection);
                values[i] -= stepSize * mean[i] / (root + eps);
            }
        }
    }

    public double learningRate() {
        return learningRate;
    }

    /** Changes the learning rate for the following steps (for schedules). */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive");
        }
        this.learningRate = learningRate;
    }

    /** Steps taken so far. */
    public int steps() {
        return steps;
    }
}
