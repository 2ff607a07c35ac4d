package org.memoscope.cli;

import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.io.StateText;
import org.memoscope.io.StateTextException;
import org.memoscope.model.DataParameters;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;
import org.memoscope.sim.LinearModelExperiment;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that define the spiked linear model and its simulation, shared by
 * every command that computes curves: dimension, spike strengths, ridge, seeds
 * and whether to simulate. Each value is checked against its range as it is
 * parsed; {@link #validate()} adds the checks that involve several options.
 *
 * <p>{@code --preset} or {@code --state} supplies every value at once; options
 * given beside it replace the corresponding value.
 */
final class ModelOptions {

    static final int MIN_DIMENSION = 2;
    static final int MAX_DIMENSION = 100_000;
    /** Simulation fits d-dimensional covariances: beyond this it is too slow to wait for. */
    static final int MAX_SIMULATED_DIMENSION = 4000;
    /** Theory and chart are checked for beta up to 10 (thresholds down to 0.01). */
    static final double MAX_SPIKE_STRENGTH = 10;
    static final double MAX_RIDGE = 10;
    static final int MAX_SEEDS = 100_000;
    static final int MAX_REPETITIONS = 1000;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private int dimension;
    private double[] spikeStrengths;
    private double ridge;
    private int seedCount;
    private int repetitions;
    private long seed;
    /** The parameters of --preset or --state, once {@link #validate()} has read them. */
    private ExplorerParameters base;

    @Option(names = "--preset", order = 8, paramLabel = "<name>|<file>",
            description = "Start from a preset: the name of a built-in one (listed by "
                    + "'memoscope presets') or a preset JSON file. Options given beside it "
                    + "replace its values; its gamma is the cursor of render.")
    private String preset;

    @Option(names = "--state", order = 9, paramLabel = "<text>",
            description = "Start from a state text as the window's Copy state gives it, "
                    + "e.g. 'memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1'. "
                    + "Options given beside it replace its values.")
    private String state;

    @Option(names = "--simulate", order = 20,
            description = "Also run the finite-size simulation (two linear models on disjoint "
                    + "training sets, shared seeds). Needs --dimension <= 4000.")
    private boolean simulate;

    @Option(names = {"-d", "--dimension"}, order = 10,
            paramLabel = "<d>", defaultValue = "500",
            description = "Data dimension d (coordinates per sample, a count), 2..100000; "
                    + "at most 4000 with --simulate. The theory's memorisation curve "
                    + "uses it as well. Default: ${DEFAULT-VALUE}.")
    void setDimension(String text) {
        dimension = OptionValues.integer(spec, "--dimension", text, MIN_DIMENSION,
                MAX_DIMENSION, "");
    }

    @Option(names = "--beta", order = 11, paramLabel = "<beta>[,<beta>...]", defaultValue = "2",
            description = "Spike strengths beta_k: variance added along latent factor k, in "
                    + "units of the unit noise variance; 1 to 5 comma-separated values, "
                    + "each 0..10. Spike k is recovered above the load 1/beta_k^2. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSpikeStrengths(String text) {
        spikeStrengths = OptionValues.reals(spec, "--beta", text, 1,
                ExplorerParameters.MAX_SPIKES, 0, MAX_SPIKE_STRENGTH);
    }

    @Option(names = "--lambda", order = 12, paramLabel = "<lambda>", defaultValue = "0",
            description = "Ridge lambda added to the learnt covariance, in units of the data "
                    + "variance (which is 1 per coordinate), 0..10. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setRidge(String text) {
        ridge = OptionValues.real(spec, "--lambda", text, 0, MAX_RIDGE, "");
    }

    @Option(names = "--seeds", order = 21, paramLabel = "<count>", defaultValue = "64",
            description = "Simulation: seeds z sampled per pair of models (a count), "
                    + "1..100000. Default: ${DEFAULT-VALUE}.")
    void setSeedCount(String text) {
        seedCount = OptionValues.integer(spec, "--seeds", text, 1, MAX_SEEDS, "");
    }

    @Option(names = "--repetitions", order = 22,
            paramLabel = "<count>", defaultValue = "2",
            description = "Simulation: independent pairs of training sets per point "
                    + "(a count), 1..1000. Default: ${DEFAULT-VALUE}.")
    void setRepetitions(String text) {
        repetitions = OptionValues.integer(spec, "--repetitions", text, 1, MAX_REPETITIONS,
                "");
    }

    @Option(names = "--seed", order = 23, paramLabel = "<seed>", defaultValue = "1",
            description = "Simulation: root seed of every random draw, any 64-bit integer; "
                    + "the same seed gives the same numbers. Default: ${DEFAULT-VALUE}.")
    void setSeed(String text) {
        seed = OptionValues.anyLong(spec, "--seed", text);
    }

    /** Whether {@code --simulate} was given. */
    boolean simulate() {
        return simulate;
    }

    /** Checks that involve more than one of these options; reads --preset or --state. */
    void validate() {
        if (preset != null && state != null) {
            throw OptionValues.usage(spec, "--preset and --state cannot be given together");
        }
        if (preset != null) {
            Preset found;
            try {
                found = PresetCatalog.resolve(preset);
            } catch (PresetException bad) {
                throw OptionValues.usage(spec, "--preset: " + bad.getMessage());
            }
            if (found.view().equals(Preset.DENOISER_VIEW)) {
                throw otherView("--preset", preset + " is a preset", found.view(),
                        "--preset " + preset, "pair " + pairOptions(found.denoiserParameters()));
            }
            if (!found.isSpiked()) {
                throw otherView("--preset", preset + " is a preset", found.view(),
                        "--preset " + preset, "data " + dataOptions(found.dataParameters())
                                + " --n <n>[,<n>...]");
            }
            base = found.parameters();
        } else if (state != null) {
            try {
                String view = StateText.viewOf(state);
                if (view.equals(Preset.DENOISER_VIEW)) {
                    throw otherView("--state", "a state", view, "--state ...",
                            "pair " + pairOptions(StateText.parseDenoiser(state)));
                }
                if (view.equals(Preset.DATA_VIEW)) {
                    throw otherView("--state", "a state", view, "--state ...",
                            "data " + dataOptions(StateText.parseData(state))
                                    + " --n <n>[,<n>...]");
                }
                base = StateText.parse(state);
            } catch (StateTextException bad) {
                throw OptionValues.usage(spec, "--state: " + bad.getMessage());
            }
        }
        if (simulate && parameters(1.0).dimension() > MAX_SIMULATED_DIMENSION) {
            throw OptionValues.usage(spec, "--dimension must be an integer in "
                    + MIN_DIMENSION + ".." + MAX_SIMULATED_DIMENSION
                    + " with --simulate, got '" + dimension + "'");
        }
        if (simulate) {
            requireMemory(parameters(1.0));
        }
    }

    /**
     * Refuses up front, as a usage error, a simulation whose largest point would not fit in
     * the heap (for example many --seeds at a large --dimension).
     */
    private void requireMemory(ExplorerParameters parameters) {
        double largestLoad = LinearModelExperiment.maxSimulatedLoad(parameters.dimension());
        if (largestLoad <= 0) {
            return;
        }
        try {
            LinearModelExperiment.requireMemory(parameters, largestLoad);
        } catch (IllegalArgumentException tooLarge) {
            throw OptionValues.usage(spec, "--dimension/--seeds: " + tooLarge.getMessage());
        }
    }

    /** The model these options describe, with the cursor at {@code loadRatio}. */
    ExplorerParameters parameters(double loadRatio) {
        if (base == null) {
            return new ExplorerParameters(loadRatio, dimension, spikeStrengths, ridge,
                    seedCount, repetitions, seed);
        }
        return new ExplorerParameters(loadRatio,
                given("--dimension") ? dimension : base.dimension(),
                given("--beta") ? spikeStrengths : base.spikeStrengths(),
                given("--lambda") ? ridge : base.ridge(),
                given("--seeds") ? seedCount : base.seedCount(),
                given("--repetitions") ? repetitions : base.repetitions(),
                given("--seed") ? seed : base.seed());
    }

    /** The cursor load of --preset or --state, or {@code fallback} without them. */
    double loadRatio(double fallback) {
        return base == null ? fallback : base.loadRatio();
    }

    /** The options of {@code memoscope data} that choose the data and seeds {@code p} holds. */
    /** The options of {@code memoscope pair} that run what a denoiser preset sets. */
    static String pairOptions(DenoiserParameters p) {
        StringBuilder sizes = new StringBuilder();
        for (int n : p.sampleCounts()) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(n);
        }
        return "--data " + p.data() + " --n " + sizes + " --steps " + p.steps()
                + " --channels " + p.channels() + " --seed " + p.seed();
    }

    /**
     * The refusal of a preset or state of another view than the spiked model's, pointing to
     * the window and to the command that runs it.
     */
    private CommandLine.ParameterException otherView(String option, String subject,
                                                     String view, String appArgument,
                                                     String command) {
        return OptionValues.usage(spec, option + ": " + subject + " of the '" + view
                + "' view, and this command draws the spiked model; open it in the window"
                + " ('memoscope app " + appArgument + "') or run 'memoscope " + command + "'");
    }

    static String dataOptions(DataParameters p) {
        String data = switch (p.kind()) {
            case POWER_LAW_FIELD -> "--data " + DataOptions.POWER_LAW_FIELD + " --size "
                    + p.imageSide() + " --alpha " + StateText.number(p.exponent());
            case POWER_LAW_SPECTRUM -> "--data " + DataOptions.POWER_LAW_SPECTRUM
                    + " --dimension " + p.dimension() + " --alpha "
                    + StateText.number(p.exponent());
            case DATASET -> "--data " + (p.datasetPath().matches("[A-Za-z0-9._/-]+")
                    ? p.datasetPath() : "'" + p.datasetPath().replace("'", "'\\''") + "'");
        };
        return data + " --seeds " + p.seedCount() + " --repetitions " + p.repetitions()
                + " --factors " + p.factorCount() + " --seed " + p.seed();
    }

    /** Whether {@code option} was given on the command line (not just defaulted). */
    boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
