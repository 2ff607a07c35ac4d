package org.memoscope.nn;

import java.util.Arrays;

/**
 * A trainable array of weights together with the gradient of the loss with respect to
 * it. Backward passes add to {@link #gradient()}; {@link #zeroGradient()} clears it.
 */
public final class Parameter {

    private final String name;

    private final float[] values;

    private final float[] gradient;

    /** A parameter of {@code size} zero weights. */
    public Parameter(String name, int size) {
        this.name = name;
        this.values = new float[size];
        this.gradient = new float[size];
    }

    public String name() {
        return name;
    }

    public int size() {
        return values.length;
    }

    /** The weights themselves (live array). */
    public float[] values() {
        return values;
    }

    /** The accumulated loss gradient (live array, same indexing as {@link #values()}). */
    public float[] gradient() {
        return gradient;
    }

    public void zeroGradient() {
        Arrays.fill(gradient, 0f);
    }
}
