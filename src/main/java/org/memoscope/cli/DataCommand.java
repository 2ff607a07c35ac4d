package org.memoscope.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.memoscope.compute.JobContext;
import org.memoscope.io.DataCsv;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.sim.DataExperiment;
import org.memoscope.sim.DataSource;
import org.memoscope.sim.SpectrumTheory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memoscope data}: the two-model experiment of the linear model on a data source over
 * a ladder of training-set sizes, as CSV ({@link DataCsv}), with the general-spectrum theory
 * beside it when the build has it. Everything is computed before anything is written.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        sortOptions = false,
        description = {
            "Fits two linear generative models on disjoint training sets of n images (or "
                    + "vectors) each, for every n of --n, samples both with the same seeds and "
                    + "writes the order parameters as CSV.",
            "",
            "Columns: gamma (= n/d), n, q, q_se (mean cosine of paired samples), q_trace, "
                    + "q_trace_se (trace form), m, m_se (mean |cosine| of a sample to its "
                    + "nearest training image), m_baseline, m_baseline_se (the same for "
                    + "held-out real images), Q1, Q1_se .. Qr, Qr_se (overlap of the learnt "
                    + "k-th eigenvector with the population eigenspace of rank k), q_theory, "
                    + "Q1_theory .. Qr_theory (empty while the general-spectrum theory is not "
                    + "available). Lines starting with # record the source, d, seeds and seed. "
                    + "*_se is one standard error.",
            "",
            "Bad data (unreadable or corrupt file, empty folder, mixed image sizes, 2n above "
                    + "the number of images, sizes beyond the heap) exits with status 2 and "
                    + "writes nothing.",
            ""})
final class DataCommand implements Callable<Integer> {

    static final int MAX_SAMPLE_COUNT = 10_000_000;
    static final int MAX_LADDER = 100;
    static final int MAX_SEEDS = 10_000;
    static final int MAX_REPETITIONS = 1000;

    private final PrintStream standardOutput;
    private final PrintStream standardError;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    private int[] sampleCounts;
    private int seedCount;
    private int repetitions;
    private Integer factorCount;

    @Option(names = "--n", order = 20, required = true, paramLabel = "<n>[,<n>...]",
            description = "Training-set sizes n per model, 1 to 100 comma-separated integers, "
                    + "each 1..10000000 (and at most half the images of an image set). "
                    + "Required.")
    void setSampleCounts(String text) {
        sampleCounts = DataOptions.integers(spec, "--n", text, MAX_LADDER, 1, MAX_SAMPLE_COUNT);
    }

    @Option(names = "--seeds", order = 21, paramLabel = "<count>", defaultValue = "64",
            description = "Sampling seeds per pair of models, also the number of held-out "
                    + "images of the baseline, 1..10000. Default: ${DEFAULT-VALUE}.")
    void setSeedCount(String text) {
        seedCount = OptionValues.integer(spec, "--seeds", text, 1, MAX_SEEDS, "");
    }

    @Option(names = "--repetitions", order = 22, paramLabel = "<count>", defaultValue = "1",
            description = "Independent pairs of training sets per n, 1..1000. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setRepetitions(String text) {
        repetitions = OptionValues.integer(spec, "--repetitions", text, 1, MAX_REPETITIONS, "");
    }

    @Option(names = "--factors", order = 23, paramLabel = "<r>",
            description = "Latent factors Q_1..Q_r measured, 0..20 (at most d). Default: the "
                    + "number of --beta spikes for spiked data, else 5.")
    void setFactorCount(String text) {
        factorCount = OptionValues.integer(spec, "--factors", text, 0,
                DataExperiment.MAX_FACTORS, "");
    }

    @Option(names = {"-o", "--output"}, order = 24, paramLabel = "<file>", defaultValue = "-",
            description = "CSV file to write (replaced atomically); '-' is standard output. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String output;

    /**
     * @param standardOutput where {@code --output -} writes
     * @param standardError  where a note on missing theory goes
     */
    DataCommand(PrintStream standardOutput, PrintStream standardError) {
        this.standardOutput = standardOutput;
        this.standardError = standardError;
    }

    @Override
    public Integer call() {
        dataOptions.validate();
        OutputTarget target = OutputTarget.named(output);
        target.checkWritable();

        DataSource source = dataOptions.source();
        int factors = factorCount != null ? factorCount
                : dataOptions.label().equals(DataOptions.SPIKED) ? dataOptions.spikeCount() : 5;
        DataExperiment.Request request = CommandRequests.checked(dataOptions.label(), () -> {
            DataExperiment.Request checked = new DataExperiment.Request(source, sampleCounts,
                    seedCount, repetitions, Math.min(factors, source.dimension()),
                    dataOptions.seed());
            DataExperiment.checkFeasible(checked);
            return checked;
        });
        DataCurve curve = CommandRequests.checked(dataOptions.label(),
                () -> DataExperiment.run(request, JobContext.NONE));

        String table = table(curve, SpectrumTheory.of(source));
        target.write(table.getBytes(StandardCharsets.UTF_8), standardOutput);
        return 0;
    }

    private String table(DataCurve curve, SpectrumTheory theory) {
        List<DataPoint> points = curve.points();
        double[] convergence = new double[points.size()];
        double[][] recovery = new double[points.size()][curve.factorCount()];
        try {
            for (int i = 0; i < points.size(); i++) {
                double load = points.get(i).loadRatio();
                convergence[i] = theory.convergence(load);
                for (int k = 0; k < curve.factorCount(); k++) {
                    recovery[i][k] = theory.latentRecovery(load, k + 1);
                }
            }
        } catch (UnsupportedOperationException unavailable) {
            standardError.println("memoscope: note: theory columns left empty: "
                    + unavailable.getMessage());
            return DataCsv.format(curve, null, null);
        }
        return DataCsv.format(curve, convergence, recovery);
    }
}
