package org.memoscope.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two 3x3 convolutions, each followed by a ReLU: {@code y = relu(conv2(relu(conv1(x))))},
 * the unit of each UNet level. Backward chains the backward passes of the four layers.
 */
final class ConvBlock implements Layer {

    private final Conv3x3 first;

    private final Relu firstRelu;

    private final Conv3x3 second;

    private final Relu secondRelu;

    ConvBlock(int inChannels, int outChannels, boolean bias, Engine engine) {
        first = new Conv3x3(inChannels, outChannels, bias, engine);
        firstRelu = new Relu(engine);
        second = new Conv3x3(outChannels, outChannels, bias, engine);
        secondRelu = new Relu(engine);
    }

    /** He initialisation of both convolutions, first then second. */
    void initialise(Random random) {
        first.initialise(random, 2.0);
        second.initialise(random, 2.0);
    }

    @Override
    public FeatureMaps forward(FeatureMaps input) {
        return secondRelu.forward(second.forward(firstRelu.forward(first.forward(input))));
    }

    @Override
    public FeatureMaps backward(FeatureMaps outputGradient) {
        return backward(outputGradient, true);
    }

    /** As {@link #backward(FeatureMaps)}; returns null unless {@code withInputGradient}. */
    FeatureMaps backward(FeatureMaps outputGradient, boolean withInputGradient) {
        FeatureMaps gradient = second.backward(secondRelu.backward(outputGradient));
        return first.backward(firstRelu.backward(gradient), withInputGradient);
    }

    @Override
    public List<Parameter> parameterList() {
        List<Parameter> parameters = new ArrayList<>(first.parameterList());
        parameters.addAll(second.parameterList());
        return parameters;
    }
}
