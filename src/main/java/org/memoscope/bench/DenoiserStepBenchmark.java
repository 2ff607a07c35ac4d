package org.memoscope.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

import org.memoscope.nn.Adam;
import org.memoscope.nn.ConvKernels;
import org.memoscope.nn.Engine;
import org.memoscope.nn.FeatureMaps;
import org.memoscope.nn.UNet;

/**
 * Times one Adam training step (forward, backward, update) of the bias-free UNet denoiser:
 * by default the pair experiment's network (16x16 images, three levels of 16, 32 and 64
 * channels, residual output), batch 64. Prints the median
 * and interquartile range of the step time and the convolution throughput, counting
 * {@code 2 C_in C_out 9 H W} operations per image per convolution and three times that
 * for forward plus backward, and the process CPU time per step (which, unlike the wall
 * time, hardly grows when other programs compete for the cores). The PyTorch reference is
 * {@code bench/denoiser_step_torch.py}.
 *
 * <p>Run with {@code java --add-modules jdk.incubator.vector -cp target/classes
 * org.memoscope.bench.DenoiserStepBenchmark [threads] [steps]}; without the module the
 * plain-Java kernels are timed. Options: {@code -Dbench.size}, {@code -Dbench.batch},
 * {@code -Dbench.channels}, {@code -Dbench.levels}, {@code -Dbench.residual},
 * {@code -Dbench.warmup}.
 */
public final class DenoiserStepBenchmark {

    private DenoiserStepBenchmark() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0])
                : Runtime.getRuntime().availableProcessors();
        int steps = Math.max(15, args.length > 1 ? Integer.parseInt(args[1]) : 30);
        int size = Integer.getInteger("bench.size", 16);
        int batch = Integer.getInteger("bench.batch", 64);
        int channels = Integer.getInteger("bench.channels", 16);
        int levels = Integer.getInteger("bench.levels", 3);
        boolean residual = Boolean.parseBoolean(System.getProperty("bench.residual", "true"));
        int warmup = Integer.getInteger("bench.warmup", 100);

        Engine engine = Engine.create(ConvKernels.selected(), threads);
        UNet network = new UNet(new UNet.Config(levels, channels, false, residual), 1,
                engine);
        Adam optimiser = new Adam(1e-3);
        Random random = new Random(2);
        float[] clean = new float[batch * size * size];
        float[] noisy = new float[clean.length];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = (float) random.nextGaussian();
            noisy[i] = clean[i] + 0.5f * (float) random.nextGaussian();
        }
        FeatureMaps cleanMaps = FeatureMaps.fromNchw(clean, batch, 1, size, size);
        FeatureMaps noisyMaps = FeatureMaps.fromNchw(noisy, batch, 1, size, size);

        for (int i = 0; i < warmup; i++) {
            network.trainStep(noisyMaps, cleanMaps, optimiser);
        }
        double[] millis = new double[steps];
        double[] cpuMillis = new double[steps];
        for (int i = 0; i < steps; i++) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            network.trainStep(noisyMaps, cleanMaps, optimiser);
            millis[i] = (System.nanoTime() - start) / 1e6;
            cpuMillis[i] = (processCpuNanos() - cpuStart) / 1e6;
        }

        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        double median = quantile(millis, 0.5);
        double lower = quantile(millis, 0.25);
        double upper = quantile(millis, 0.75);
        double flops = 3.0 * batch * network.forwardConvFlops(size, size);
        System.out.printf(Locale.ROOT, "java %s, %s, %d threads, %dx%d, levels %d, "
                + "channels %d, residual %s, batch %d%n", System.getProperty("java.version"),
                engine.kernels().name(), threads, size, size, levels, channels, residual,
                batch);
        System.out.printf(Locale.ROOT, "step: median %.2f ms, IQR %.2f ms (%.2f..%.2f), "
                + "%d steps%n", median, upper - lower, lower, upper, steps);
        System.out.printf(Locale.ROOT, "conv work %.3f GFLOP/step, %.1f GFLOP/s%n",
                flops / 1e9, flops / median / 1e6);
        System.out.printf(Locale.ROOT, "process CPU time per step: median %.2f ms%n",
                quantile(cpuMillis, 0.5));
        engine.shutdown();
    }

    /**
     * CPU time of all live threads of this JVM, in nanoseconds (the per-thread clocks have
     * nanosecond resolution; the process clock the JDK exposes counts whole ticks).
     */
    private static long processCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long nanos = threads.getThreadCpuTime(id);
            if (nanos > 0) {
                total += nanos;
            }
        }
        return total;
    }

    /** Linear interpolation between order statistics of sorted values (as NumPy does). */
    private static double quantile(double[] sorted, double fraction) {
        double position = fraction * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
