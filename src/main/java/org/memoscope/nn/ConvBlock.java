package org.memoscope.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two 3x3 convolutions, each followed by a ReLU: {@code y = relu(conv2(relu(conv1(x))))},
 * the unit of each UNet level, built from rectified {@link Conv3x3} layers. Backward chains
 * their backward passes; the second layer masks the gradient it passes back by the sign
 * of its input, which only the first layer consumes, saving the first layer that pass.
 */
final class ConvBlock implements Layer {

    private final Conv3x3 first;

    private final Conv3x3 second;

    ConvBlock(int inChannels, int outChannels, boolean bias, Engine engine) {
        first = new Conv3x3(inChannels, outChannels, bias, true, engine);
        second = new Conv3x3(outChannels, outChannels, bias, true, engine);
    }

    /** He initialisation of both convolutions, first then second. */
    void initialise(Random random) {
        first.initialise(random, 2.0);
        second.initialise(random, 2.0);
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        return second.forward(first.forward(input));
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        return backward(outputGradient, true);
    }

    /** As {@link #backward(FeatureMaps)}; returns null unless {@code withInputGradient}. */
    FeatureMaps backward(FeatureMaps outputGradient, boolean withInputGradient) {
        FeatureMaps middle = second.backward(outputGradient, true, true, false);
        return first.backward(middle, withInputGradient, false, true);
    }

    @Override
    public List<Parameter> parameterList() {
        List<Parameter> parameters = new ArrayList<>(first.parameterList());
        parameters.addAll(second.parameterList());
        return parameters;
    }
}
