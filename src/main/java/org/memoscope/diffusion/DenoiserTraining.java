package org.memoscope.diffusion;

import java.util.SplittableRandom;

import org.memoscope.nn.Adam;
import org.memoscope.nn.Engine;
import org.memoscope.nn.FeatureMaps;
import org.memoscope.nn.UNet;

/**
 * Denoising score matching for a blind, bias-free {@link UNet} on a variance-preserving
 * schedule. Each step draws a batch of training images (uniformly, with replacement), a
 * noise-to-signal ratio s per image ({@link NoiseSchedule#drawTrainingNoise}: log-uniform,
 * never shown to the network) and Gaussian noise, forms
 * {@code x = (x_0 + sqrt(s) eps) / sqrt(1 + s)} and takes one Adam step on the mean squared
 * error between the network's output and x_0.
 *
 * <p>The network predicts the clean image, not the noise: a noise predictor's errors are
 * multiplied by the noise level at the top of the ladder (theory.md, pitfall "Parameterise
 * for large noise"). The learning rate follows a cosine from its initial value to 2 % of it.
 * All draws come from the settings' seed, so a run is reproducible bit for bit.
 */
public final class DenoiserTraining {

    /** Receives the loss of each step (1-based) as training goes. */
    @FunctionalInterface
    public interface StepListener {

        void stepDone(int step, double loss);
    }

    /**
     * A trained network.
     *
     * @param weights     the network's parameters in export order
     * @param lossHistory mean training loss over consecutive windows of steps
     * @param lossWindow  steps per window
     */
    public record Result(float[] weights, float[] lossHistory, int lossWindow) {

        public Result {
            weights = weights.clone();
            lossHistory = lossHistory.clone();
        }

        @Override
        public float[] weights() {
            return weights.clone();
        }

        @Override
        public float[] lossHistory() {
            return lossHistory.clone();
        }
    }

    /** Windows the loss history is averaged into (at most). */
    public static final int HISTORY_POINTS = 200;

    private DenoiserTraining() {
    }

    /** Steps per loss-history window for a run of {@code steps}. */
    public static int lossWindow(int steps) {
        return Math.max(1, (steps + HISTORY_POINTS - 1) / HISTORY_POINTS);
    }

    /**
     * Trains a new network of {@code settings} on {@code images} (count x side^2, centred
     * and scaled), with weights drawn from {@code weightSeed} and training noise from
     * {@code noiseSeed}.
     *
     * @param checkpoint run before every step (e.g. to check for cancellation)
     */
    public static Result train(float[] images, int count, int side, NoiseSchedule schedule,
                               TrainingSettings settings, long weightSeed, long noiseSeed,
                               Engine engine, StepListener listener, Runnable checkpoint) {
        int d = side * side;
        if (images.length != count * d) {
            throw new IllegalArgumentException("expected " + count + " images of " + side + "x"
                    + side);
        }
        UNet network = new UNet(settings.network(), weightSeed, engine);
        Adam optimiser = new Adam(settings.learningRate());
        SplittableRandom random = new SplittableRandom(noiseSeed);
        int batch = settings.batch();
        float[] clean = new float[batch * d];
        float[] noisy = new float[batch * d];
        int window = lossWindow(settings.steps());
        float[] history = new float[(settings.steps() + window - 1) / window];
        double windowSum = 0;
        int windowCount = 0;
        for (int step = 0; step < settings.steps(); step++) {
            checkpoint.run();
            double decay = 0.5 * (1 + Math.cos(Math.PI * step / settings.steps()));
            optimiser.setLearningRate(settings.learningRate() * (0.02 + 0.98 * decay));
            fillBatch(images, count, d, schedule, random, clean, noisy);
            double loss = network.trainStep(FeatureMaps.fromNchw(noisy, batch, 1, side, side),
                    FeatureMaps.fromNchw(clean, batch, 1, side, side), optimiser);
            windowSum += loss;
            windowCount++;
            if (windowCount == window || step == settings.steps() - 1) {
                history[step / window] = (float) (windowSum / windowCount);
                windowSum = 0;
                windowCount = 0;
            }
            listener.stepDone(step + 1, loss);
        }
        return new Result(network.parameters(), history, window);
    }

    private static void fillBatch(float[] images, int count, int d, NoiseSchedule schedule,
                                  SplittableRandom random, float[] clean, float[] noisy) {
        int batch = clean.length / d;
        for (int b = 0; b < batch; b++) {
            int image = random.nextInt(count);
            double s = schedule.drawTrainingNoise(random);
            double noiseScale = Math.sqrt(s);
            double shrink = 1 / Math.sqrt(1 + s);
            System.arraycopy(images, image * d, clean, b * d, d);
            for (int i = 0; i < d; i++) {
                double value = clean[b * d + i] + noiseScale * random.nextGaussian();
                noisy[b * d + i] = (float) (shrink * value);
            }
        }
    }

    /** A network of {@code settings} holding {@code weights}. */
    public static UNet restore(TrainingSettings settings, float[] weights, Engine engine) {
        UNet network = new UNet(settings.network(), 0, engine);
        network.setParameters(weights);
        return network;
    }
}
