package org.memoscope.nn;

/**
 * The rectifier {@code y = max(x, 0)}, elementwise. Backward:
 * {@code dL/dx = dL/dy} where {@code y > 0}, else 0 (the subgradient 0 at x = 0).
 * Zero padding maps to zero, so the padding invariant holds without extra work.
 */
public final class Relu implements Layer {

    private final Engine engine;

    private FeatureMaps output;

    private FeatureMaps inputGradient;

    public Relu(Engine engine) {
        this.engine = engine;
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        output = Layer.reuse(output, input.batch(), input.channels(), input.height(),
                input.width());
        FeatureMaps out = output;
        engine.forEachRange(input.batch(), (from, to) -> engine.kernels().relu(input, out, from,
                to));
        return output;
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        if (output == null || !outputGradient.hasShapeOf(output)) {
            throw new IllegalStateException("backward needs a gradient shaped like the last "
                    + "forward output");
        }
        inputGradient = Layer.reuse(inputGradient, output.batch(), output.channels(),
                output.height(), output.width());
        FeatureMaps out = output;
        FeatureMaps gradIn = inputGradient;
        engine.forEachRange(out.batch(), (from, to) -> engine.kernels().reluGradient(out,
                outputGradient, gradIn, from, to));
        return inputGradient;
    }
}
