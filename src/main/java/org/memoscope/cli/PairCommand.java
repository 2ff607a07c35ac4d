package org.memoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.memoscope.compute.JobContext;
import org.memoscope.data.DataLoadException;
import org.memoscope.diffusion.NoiseSchedule;
import org.memoscope.diffusion.PairCache;
import org.memoscope.diffusion.PairData;
import org.memoscope.diffusion.PairExperiment;
import org.memoscope.diffusion.PairPoint;
import org.memoscope.diffusion.Sampler;
import org.memoscope.diffusion.TrainingSettings;
import org.memoscope.io.PairCsv;
import org.memoscope.io.SampleGridPng;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memoscope pair}: the denoiser-pair experiment ({@link PairExperiment}) over a ladder
 * of N, as CSV ({@link PairCsv}), optionally with the sample grid of one N as PNG. Trained
 * networks and measured points are cached ({@link PairCache}), so a second run is instant
 * and an interrupted one resumes.
 */
@Command(name = "pair", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        sortOptions = false,
        description = {
            "Trains two blind, bias-free convolutional denoisers on disjoint sets of N images "
                    + "for each N of --n (same steps and batch for every N), samples both "
                    + "from the same noise and writes m (nearest-training cosine) with its "
                    + "fresh-image baseline, q (cosine of paired samples), Q1..Q3, the "
                    + "train/test denoising errors, the distance between the two denoisers "
                    + "and the regime of each N as CSV, beside the linear model on the same "
                    + "images.",
            "",
            "Progress with an estimate of the time left goes to the error stream.",
            ""})
final class PairCommand implements Callable<Integer> {

    static final int MAX_N = 30_000;

    private final PrintStream standardOutput;
    private final PrintStream standardError;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", order = 1, paramLabel = "<source>", defaultValue = "auto",
            description = "'fashion-mnist' (the package dataset-fashion-mnist), 'powerlaw' "
                    + "(Gaussian fields with power spectrum |k|^-2), a path (IDX file or "
                    + "image folder), or 'auto': Fashion-MNIST when installed, else "
                    + "powerlaw. Default: ${DEFAULT-VALUE}.")
    private String data;

    private int side;
    private int[] ladder;
    private int steps;
    private int batch;
    private int channels;
    private int levels;
    private int samples;
    private long seed;
    private Integer gridN;

    @Option(names = "--size", order = 2, paramLabel = "<L>", defaultValue = "16",
            description = "Image side in pixels, 8..32, a multiple of 2^(levels-1). "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSide(String text) {
        side = OptionValues.integer(spec, "--size", text, 8, 32, "pixels");
    }

    @Option(names = "--n", order = 3, paramLabel = "<N>[,<N>...]",
            defaultValue = "1,4,16,64,256,1024,4096",
            description = "Training-set sizes N per network, 1 to 20 different comma-separated "
                    + "integers in 1..30000. Default: ${DEFAULT-VALUE}.")
    void setLadder(String text) {
        ladder = DataOptions.integers(spec, "--n", text, 20, 1, MAX_N);
        if (Arrays.stream(ladder).distinct().count() != ladder.length) {
            throw OptionValues.usage(spec, "--n lists the same N twice: " + text);
        }
    }

    @Option(names = "--steps", order = 4, paramLabel = "<count>", defaultValue = "2000",
            description = "Training steps per network, 1..1000000. Default: ${DEFAULT-VALUE}.")
    void setSteps(String text) {
        steps = OptionValues.integer(spec, "--steps", text, 1, 1_000_000, "");
    }

    @Option(names = "--batch", order = 5, paramLabel = "<count>", defaultValue = "64",
            description = "Images per training step, 1..1024. Default: ${DEFAULT-VALUE}.")
    void setBatch(String text) {
        batch = OptionValues.integer(spec, "--batch", text, 1, 1024, "");
    }

    @Option(names = "--channels", order = 6, paramLabel = "<count>", defaultValue = "16",
            description = "UNet channels at full resolution, 1..64. Default: ${DEFAULT-VALUE}.")
    void setChannels(String text) {
        channels = OptionValues.integer(spec, "--channels", text, 1, 64, "");
    }

    @Option(names = "--levels", order = 7, paramLabel = "<count>", defaultValue = "3",
            description = "UNet resolutions, 1..4. Default: ${DEFAULT-VALUE}.")
    void setLevels(String text) {
        levels = OptionValues.integer(spec, "--levels", text, 1, 4, "");
    }

    @Option(names = "--samples", order = 8, paramLabel = "<count>", defaultValue = "64",
            description = "Samples per network (also held-out images), 8..1024. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSamples(String text) {
        samples = OptionValues.integer(spec, "--samples", text, 8, 1024, "");
    }

    @Option(names = "--seed", order = 9, paramLabel = "<seed>", defaultValue = "1",
            description = "Seed of splits, weights, training noise and sampling noise. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSeed(String text) {
        seed = OptionValues.anyLong(spec, "--seed", text);
    }

    @Option(names = "--no-linear", order = 10,
            description = "Skip the linear model on the same images.")
    private boolean noLinear;

    @Option(names = "--cache", order = 11, paramLabel = "<folder>",
            description = "Cache folder for weights and results. Default: the system property "
                    + "memoscope.cache, else $MEMOSCOPE_CACHE, else ~/.cache/memoscope.")
    private String cache;

    @Option(names = "--no-cache", order = 12, description = "Neither read nor write the cache.")
    private boolean noCache;

    @Option(names = {"-o", "--output"}, order = 13, paramLabel = "<file>", defaultValue = "-",
            description = "CSV file (replaced atomically); '-' is standard output. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String output;

    @Option(names = "--grid", order = 14, paramLabel = "<file.png>",
            description = "Also draw the sample grid (A, B, nearest training image of each, "
                    + "cosines) of one N as PNG.")
    private String grid;

    @Option(names = "--grid-n", order = 15, paramLabel = "<N>",
            description = "The N of --grid, one of --n. Default: the smallest.")
    void setGridN(String text) {
        gridN = OptionValues.integer(spec, "--grid-n", text, 1, MAX_N, "");
    }

    @Option(names = "--quiet", order = 16, description = "No progress lines.")
    private boolean quiet;

    PairCommand(PrintStream standardOutput, PrintStream standardError) {
        this.standardOutput = standardOutput;
        this.standardError = standardError;
    }

    @Override
    public Integer call() {
        int divisor = 1 << (levels - 1);
        if (side % divisor != 0) {
            throw OptionValues.usage(spec, "--size " + side + " must be a multiple of "
                    + divisor + " for --levels " + levels);
        }
        if (gridN != null && Arrays.stream(ladder).noneMatch(n -> n == gridN)) {
            throw OptionValues.usage(spec, "--grid-n " + gridN + " must be one of --n "
                    + joined(ladder));
        }
        if (cache != null && noCache) {
            throw OptionValues.usage(spec, "--cache and --no-cache cannot be used together");
        }
        OutputTarget target = OutputTarget.named(output);
        target.checkWritable();
        if (OutputTarget.STANDARD_OUTPUT.equals(grid)) {
            throw OptionValues.usage(spec, "--grid needs a file name: the standard output "
                    + "carries the CSV");
        }
        OutputTarget gridTarget = grid == null ? null : OutputTarget.named(grid);
        if (gridTarget != null) {
            gridTarget.checkWritable();
        }

        int heldOut = samples;
        int pool = PairExperiment.Request.poolSize(ladder, heldOut);
        PairData pairData = load(pool);
        Path cacheRoot = noCache ? null : cache != null ? path(cache) : PairCache.defaultRoot();
        if (cacheRoot != null && Files.exists(cacheRoot) && !Files.isDirectory(cacheRoot)) {
            throw OptionValues.usage(spec, "--cache " + cacheRoot + " is a file, not a folder");
        }
        TrainingSettings training = new TrainingSettings(levels, channels, steps, batch,
                TrainingSettings.DEFAULT.learningRate(), seed);
        PairExperiment.Request request = CommandRequests.checked(data,
                () -> new PairExperiment.Request(pairData, ladder, training,
                        NoiseSchedule.DEFAULT, Sampler.Kind.STOCHASTIC, samples, heldOut, 8,
                        seed, !noLinear, cacheRoot));
        PairExperiment.Result result = PairExperiment.run(request, progressPrinter());

        target.write(PairCsv.format(result).getBytes(StandardCharsets.UTF_8), standardOutput);
        if (gridTarget != null) {
            int n = gridN != null ? gridN : Arrays.stream(ladder).min().orElse(1);
            PairPoint point = result.points().stream().filter(p -> p.sampleCount() == n)
                    .findFirst().orElseThrow();
            String title = String.format(Locale.ROOT, "Denoiser pair, N = %d per network "
                    + "(%s; m = %.3f, baseline %.3f, q = %.3f)", n, point.regime().label(),
                    point.memorisation().mean(), point.memorisationBaseline().mean(),
                    point.convergence().mean());
            try {
                gridTarget.write(SampleGridPng.encode(PairExperiment.sampleGrid(point, pairData,
                        seed), title), standardOutput);
            } catch (IOException failure) {
                throw new CliFailure("cannot encode the PNG image: "
                        + OutputTarget.reason(failure), failure);
            }
        }
        return 0;
    }

    private PairData load(int pool) {
        try {
            switch (data) {
                case "auto":
                    return DataOptions.catalog != null
                            && PairData.fashionMnistPresent(DataOptions.catalog)
                            ? PairData.fashionMnist(DataOptions.catalog, side, pool)
                            : PairData.powerLaw(side, 2.0, pool, seed);
                case PairData.FASHION_MNIST:
                    return PairData.fashionMnist(DataOptions.catalog, side, pool);
                case PairData.POWER_LAW:
                    return PairData.powerLaw(side, 2.0, pool, seed);
                default:
                    return PairData.file(path(data), side, pool);
            }
        } catch (DataLoadException failed) {
            throw new BadInput(failed.getMessage(), failed);
        } catch (IllegalArgumentException refused) {
            throw new BadInput(data + ": " + refused.getMessage(), refused);
        }
    }

    private Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException invalid) {
            throw new BadInput(text + ": not a valid path", invalid);
        }
    }

    private JobContext progressPrinter() {
        return new JobContext() {
            private long last;

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public void reportProgress(double fraction, String message) {
                long now = System.nanoTime();
                if (quiet || now - last < 2_000_000_000L && fraction < 1) {
                    return;
                }
                last = now;
                standardError.printf(Locale.ROOT, "memoscope: pair %3.0f%% %s%n",
                        100 * fraction, message);
            }
        };
    }

    private static String joined(int[] values) {
        return String.join(",", Arrays.stream(values).mapToObj(Integer::toString)
                .toArray(String[]::new));
    }
}
