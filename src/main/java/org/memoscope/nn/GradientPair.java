package org.memoscope.nn;

/** The loss gradients with respect to the two inputs of a two-input layer. */
public record GradientPair(FeatureMaps first, FeatureMaps second) {
}
