package org.memoscope.diffusion;

/**
 * A denoiser for a variance-preserving schedule: given images
 * {@code x = sqrt(abar) x_0 + sqrt(1 - abar) eps}, an estimate of the clean images x_0.
 *
 * <p>Images are flattened vectors of dimension d, {@code count} of them laid end to end in
 * one array. A denoiser may use the noise level {@code alphaBar} (the Wiener filter does) or
 * ignore it (a blind network infers the level from the image itself).
 */
public interface Denoiser {

    /** The dimension d of one image. */
    int dimension();

    /**
     * Estimates of the clean images.
     *
     * @param noisy    {@code count * d} values, image after image
     * @param count    the number of images
     * @param alphaBar the signal share abar of the noise level, in (0, 1]
     * @return {@code count * d} new values, image after image
     */
    double[] denoise(double[] noisy, int count, double alphaBar);
}
