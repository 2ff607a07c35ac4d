package org.memoscope.diffusion;

import org.memoscope.nn.FeatureMaps;
import org.memoscope.nn.UNet;

/**
 * A trained {@link UNet} as a {@link Denoiser} of square grayscale images. The network is
 * blind: it is not told the noise level and ignores {@code alphaBar}. Images are passed in
 * chunks of {@value #CHUNK}. Not thread-safe (the network keeps its buffers).
 */
public final class NetworkDenoiser implements Denoiser {

    private static final int CHUNK = 128;

    private final UNet network;

    private final int side;

    public NetworkDenoiser(UNet network, int side) {
        this.network = network;
        this.side = side;
    }

    @Override
    public int dimension() {
        return side * side;
    }

    /** The network. */
    public UNet network() {
        return network;
    }

    @Override
    public double[] denoise(double[] noisy, int count, double alphaBar) {
        int d = dimension();
        double[] out = new double[count * d];
        for (int first = 0; first < count; first += CHUNK) {
            int size = Math.min(CHUNK, count - first);
            float[] input = new float[size * d];
            for (int i = 0; i < input.length; i++) {
                input[i] = (float) noisy[first * d + i];
            }
            float[] result = network.forward(FeatureMaps.fromNchw(input, size, 1, side, side))
                    .toNchw();
            for (int i = 0; i < result.length; i++) {
                out[first * d + i] = result[i];
            }
        }
        return out;
    }
}
