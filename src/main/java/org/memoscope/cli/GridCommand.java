package org.memoscope.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.memoscope.compute.JobContext;
import org.memoscope.io.SampleGridPng;
import org.memoscope.sim.DataSource;
import org.memoscope.sim.SampleGrid;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memoscope grid}: paired samples of the two linear models at one n, with each
 * sample's nearest training image, drawn headless to a PNG ({@link SampleGridPng}).
 */
@Command(name = "grid", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        sortOptions = false,
        description = {
            "Draws a sample grid as PNG: for each of --rows seeds, model A's sample, its "
                    + "nearest training image, model B's sample for the same seed and its "
                    + "nearest training image, labelled with cos(A, B) and each sample's "
                    + "cosine to its nearest training image (mean removed). The draws are "
                    + "those of 'memoscope data' with the same --seed.",
            "",
            "Needs image data: powerlaw, fashion-mnist, an IDX file or a folder. Bad data "
                    + "exits with status 2 and writes nothing.",
            ""})
final class GridCommand implements Callable<Integer> {

    private final PrintStream standardOutput;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOptions dataOptions;

    private int sampleCount;
    private int rowCount;

    @Option(names = "--n", order = 20, required = true, paramLabel = "<n>",
            description = "Training-set size n per model, 1..10000000 (at most half the "
                    + "images of an image set). Required.")
    void setSampleCount(String text) {
        sampleCount = OptionValues.integer(spec, "--n", text, 1, DataCommand.MAX_SAMPLE_COUNT,
                "");
    }

    @Option(names = "--rows", order = 21, paramLabel = "<count>", defaultValue = "6",
            description = "Seeds shown, one row each, 1..64. Default: ${DEFAULT-VALUE}.")
    void setRowCount(String text) {
        rowCount = OptionValues.integer(spec, "--rows", text, 1, SampleGrid.MAX_ROWS, "");
    }

    @Option(names = {"-o", "--output"}, order = 22, paramLabel = "<file>", required = true,
            description = "PNG file to write (replaced atomically); '-' writes the image to "
                    + "standard output. Required.")
    private String output;

    /** @param standardOutput where {@code --output -} writes */
    GridCommand(PrintStream standardOutput) {
        this.standardOutput = standardOutput;
    }

    @Override
    public Integer call() {
        dataOptions.validate();
        OutputTarget target = OutputTarget.named(output);
        target.checkWritable();

        DataSource source = dataOptions.source();
        if (!source.isImage()) {
            throw new BadInput(dataOptions.label() + ": a sample grid needs images; use "
                    + "--data powerlaw, fashion-mnist, an IDX file or a folder", null);
        }
        SampleGrid grid = CommandRequests.checked(dataOptions.label(),
                () -> SampleGrid.compute(source, sampleCount, rowCount, dataOptions.seed(),
                        JobContext.NONE));
        String title = String.format(Locale.ROOT, "Linear model, n = %d per model "
                + "(gamma = n/d = %.3g)", sampleCount, (double) sampleCount / source.dimension());
        byte[] png;
        try {
            png = SampleGridPng.encode(grid, title);
        } catch (IOException failure) {
            throw new CliFailure("cannot encode the PNG image: "
                    + OutputTarget.reason(failure), failure);
        }
        target.write(png, standardOutput);
        return 0;
    }
}
