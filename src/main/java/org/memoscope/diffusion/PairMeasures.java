package org.memoscope.diffusion;

import java.util.SplittableRandom;

import org.memoscope.data.SampleSpectrum;
import org.memoscope.model.Estimate;
import org.memoscope.nn.UNet;

/**
 * The measurements of one point of the pair experiment, on trained networks A and B: samples
 * from the same noise, m with its baseline, q, Q_k, per-level denoising errors on training and
 * held-out images, the distance between the two denoisers, and the sample grid.
 */
final class PairMeasures {

    private final PairExperiment.Request request;
    private final PairData data;
    private final int[][] trainingSets;
    private final int[] heldOut;
    private final double[][] factors;
    private final Runnable checkpoint;
    private final int d;

    PairMeasures(PairExperiment.Request request, PairData data, int[][] trainingSets,
                 int[] heldOut, double[][] factors, Runnable checkpoint) {
        this.request = request;
        this.data = data;
        this.trainingSets = trainingSets;
        this.heldOut = heldOut;
        this.factors = factors;
        this.checkpoint = checkpoint;
        this.d = data.side() * data.side();
    }

    PairPoint measure(int n, UNet[] networks, DenoiserTraining.Result[] trained) {
        int count = request.samples();
        NetworkDenoiser[] denoisers = new NetworkDenoiser[2];
        double[][] samples = new double[2][];
        for (int a = 0; a < 2; a++) {
            denoisers[a] = new NetworkDenoiser(networks[a], data.side());
            samples[a] = Sampler.generate(denoisers[a], request.schedule(), request.sampler(),
                    NoiseStreams.mix(request.seed() + 101), 0, count, checkpoint);
        }

        double[][] training = {flatRows(trainingSets[0]), flatRows(trainingSets[1])};
        double[] held = flatRows(heldOut);
        Nearest[] nearest = new Nearest[2];
        double[] memorisation = new double[2 * count];
        double[] baseline = new double[heldOut.length];
        for (int a = 0; a < 2; a++) {
            nearest[a] = nearest(training[a], trainingSets[a].length, samples[a], count);
            Nearest fresh = nearest(training[a], trainingSets[a].length, held, heldOut.length);
            for (int j = 0; j < count; j++) {
                memorisation[a * count + j] = Math.abs(nearest[a].cosines[j]);
            }
            for (int j = 0; j < heldOut.length; j++) {
                baseline[j] += Math.abs(fresh.cosines[j]) / 2;
            }
        }
        checkpoint.run();
        double[] convergence = new double[count];
        for (int j = 0; j < count; j++) {
            convergence[j] = cosine(samples[0], j, samples[1], j);
        }

        double[] recovery = recovery(samples, count);
        double variance = 0;
        for (double[] set : samples) {
            for (double value : set) {
                variance += value * value / (2.0 * set.length);
            }
        }

        double[] levels = request.schedule().measurementLevels(request.measureLevels());
        double[] trainError = new double[levels.length];
        double[] testError = new double[levels.length];
        double[] distance = new double[levels.length];
        errors(denoisers, levels, trainError, testError, distance);

        PairGridRows grid = grid(samples, nearest, trainingSets, convergence);
        return new PairPoint(n, Estimate.of(memorisation), Estimate.of(baseline),
                Estimate.of(convergence), recovery, levels, trainError, testError, distance,
                variance, trained[0].lossWindow(), trained[0].lossHistory(),
                trained[1].lossHistory(), grid, 0);
    }

    /** Q_k of each network's samples against the pool's top directions, mean of A and B. */
    private double[] recovery(double[][] samples, int count) {
        int factorCount = Math.min(factors.length, Math.min(count, d) - 1);
        double[] recovery = new double[Math.max(0, factorCount)];
        for (double[] set : samples) {
            double[][] rows = new double[count][];
            for (int j = 0; j < count; j++) {
                rows[j] = java.util.Arrays.copyOfRange(set, j * d, (j + 1) * d);
            }
            double[][] directions;
            try {
                directions = SampleSpectrum.principalComponents(rows, recovery.length)
                        .eigenvectors();
            } catch (IllegalArgumentException degenerate) {
                continue; // samples of too low rank: no direction, Q counts as 0
            }
            for (int k = 0; k < recovery.length; k++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += directions[k][i] * factors[k][i];
                }
                recovery[k] += dot * dot / 2;
            }
        }
        return recovery;
    }

    /** Per-level errors on training and held-out images, and the A-B distance. */
    private void errors(NetworkDenoiser[] denoisers, double[] levels, double[] trainError,
                        double[] testError, double[] distance) {
        int evaluations = heldOut.length;
        double[] held = flatRows(heldOut);
        for (int level = 0; level < levels.length; level++) {
            checkpoint.run();
            double s = levels[level];
            double alphaBar = 1 / (1 + s);
            SplittableRandom random = new SplittableRandom(NoiseStreams.mix(request.seed()
                    + 1000 + level));
            double[] noisyHeld = noisy(held, evaluations, s, random);
            double[][] estimates = new double[2][];
            for (int a = 0; a < 2; a++) {
                estimates[a] = denoisers[a].denoise(noisyHeld, evaluations, alphaBar);
                testError[level] += meanSquare(estimates[a], held) / 2;

                int[] set = trainingSets[a];
                int[] cycled = new int[evaluations];
                for (int j = 0; j < evaluations; j++) {
                    cycled[j] = set[j % set.length];
                }
                double[] clean = flatRows(cycled);
                double[] noisyTrain = noisy(clean, evaluations, s, random);
                trainError[level] += meanSquare(denoisers[a].denoise(noisyTrain, evaluations,
                        alphaBar), clean) / 2;
            }
            distance[level] = meanSquare(estimates[0], estimates[1]);
        }
    }

    private double[] noisy(double[] clean, int count, double s, SplittableRandom random) {
        double noise = Math.sqrt(s);
        double shrink = 1 / Math.sqrt(1 + s);
        double[] out = new double[count * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = shrink * (clean[i] + noise * random.nextGaussian());
        }
        return out;
    }

    private static double meanSquare(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double difference = a[i] - b[i];
            sum += difference * difference;
        }
        return sum / a.length;
    }

    private PairGridRows grid(double[][] samples, Nearest[] nearest, int[][] sets,
                              double[] convergence) {
        int rows = Math.min(PairExperiment.GRID_ROWS, request.samples());
        double[][] first = new double[rows][];
        double[][] second = new double[rows][];
        int[] firstNearest = new int[rows];
        int[] secondNearest = new int[rows];
        double[] firstCosine = new double[rows];
        double[] secondCosine = new double[rows];
        double[] sampleCosine = new double[rows];
        for (int j = 0; j < rows; j++) {
            first[j] = java.util.Arrays.copyOfRange(samples[0], j * d, (j + 1) * d);
            second[j] = java.util.Arrays.copyOfRange(samples[1], j * d, (j + 1) * d);
            firstNearest[j] = sets[0][nearest[0].rows[j]];
            secondNearest[j] = sets[1][nearest[1].rows[j]];
            firstCosine[j] = nearest[0].cosines[j];
            secondCosine[j] = nearest[1].cosines[j];
            sampleCosine[j] = convergence[j];
        }
        return new PairGridRows(first, second, firstNearest, secondNearest, firstCosine,
                secondCosine, sampleCosine);
    }

    private double[] flatRows(int[] indices) {
        double[] out = new double[indices.length * d];
        for (int i = 0; i < indices.length; i++) {
            data.pool().copyImage(indices[i], out, i * d);
        }
        return out;
    }

    /** Per query, the training row of largest |cosine| and that cosine, signed. */
    private record Nearest(int[] rows, double[] cosines) {
    }

    private Nearest nearest(double[] training, int n, double[] queries, int count) {
        double[] trainingNorms = norms(training, n);
        double[] queryNorms = norms(queries, count);
        int[] rows = new int[count];
        double[] cosines = new double[count];
        for (int j = 0; j < count; j++) {
            if ((j & 15) == 0) {
                checkpoint.run();
            }
            int qo = j * d;
            for (int mu = 0; mu < n; mu++) {
                int to = mu * d;
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += training[to + i] * queries[qo + i];
                }
                double norm = trainingNorms[mu] * queryNorms[j];
                double cosine = norm > 0 ? dot / norm : 0;
                if (Math.abs(cosine) > Math.abs(cosines[j])) {
                    cosines[j] = cosine;
                    rows[j] = mu;
                }
            }
        }
        return new Nearest(rows, cosines);
    }

    private double[] norms(double[] vectors, int count) {
        double[] norms = new double[count];
        for (int j = 0; j < count; j++) {
            double sum = 0;
            for (int i = 0; i < d; i++) {
                sum += vectors[j * d + i] * vectors[j * d + i];
            }
            norms[j] = Math.sqrt(sum);
        }
        return norms;
    }

    private double cosine(double[] a, int j, double[] b, int k) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < d; i++) {
            double x = a[j * d + i];
            double y = b[k * d + i];
            dot += x * y;
            na += x * x;
            nb += y * y;
        }
        return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
    }
}
