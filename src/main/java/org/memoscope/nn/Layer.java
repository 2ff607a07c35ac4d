package org.memoscope.nn;

import java.util.List;

/**
 * A differentiable map from one batch of feature maps to another.
 *
 * <p>{@link #forward} remembers what {@link #backward} needs; {@link #backward} takes
 * dL/d(output) and returns dL/d(input), adding parameter gradients to
 * {@link Parameter#gradient()}. Both return buffers owned by the layer, overwritten by
 * the next call: copy a result that must outlive it.
 */
public interface Layer {

    /** The layer applied to {@code input}. */
    FeatureMaps forward(FeatureMaps input);

    /** The loss gradient with respect to the last forward input. */
    FeatureMaps backward(FeatureMaps outputGradient);

    /** The trainable parameters, in a fixed order; empty for parameter-free layers. */
    default List<Parameter> parameterList() {
        return List.of();
    }

    /** A buffer of the given shape: {@code current} if it fits, else a new zero one. */
    static FeatureMaps reuse(FeatureMaps current, int batch, int channels, int height,
            int width) {
        if (current != null && current.hasShape(batch, channels, height, width)) {
            return current;
        }
        return FeatureMaps.zeros(batch, channels, height, width);
    }
}
