package org.memoscope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.memoscope.data.DataLoadException;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.data.ImageSet;
import org.memoscope.data.PowerLawField;
import org.memoscope.data.PowerLawSpectrum;
import org.memoscope.data.SizePolicy;
import org.memoscope.sim.DataSource;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that choose a data source for {@code memoscope data} and {@code memoscope grid}:
 * {@code --data} names it, the others shape it. Loading problems become {@link BadInput}s
 * naming the file and the problem.
 */
final class DataOptions {

    static final String POWER_LAW_FIELD = "powerlaw";
    static final String POWER_LAW_SPECTRUM = "powerlaw-spectrum";
    static final String SPIKED = "spiked";
    static final String FASHION_MNIST = "fashion-mnist";
    static final int MAX_DIMENSION = 20_000;
    static final double MAX_SPIKE_STRENGTH = 100;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})[xX](\\d{1,5})");

    /** Where {@code fashion-mnist} is looked for; tests point it elsewhere. */
    static DatasetCatalog catalog = DatasetCatalog.system();

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private double alpha;
    private int side;
    private int dimension;
    private double[] spikeStrengths = new double[0];
    private SizePolicy sizePolicy;
    private long seed;

    @Option(names = "--data", order = 1, required = true, paramLabel = "<source>",
            description = {"The data: 'powerlaw' (Gaussian power-law fields of --size x --size "
                    + "pixels, exponent --alpha), 'powerlaw-spectrum' (Gaussian data of "
                    + "--dimension with eigenvalues j^(-alpha), plus --beta spikes), 'spiked' "
                    + "(identity plus --beta spikes), 'fashion-mnist' (the 60000 training "
                    + "images, if the package dataset-fashion-mnist is installed), or a path: "
                    + "an IDX image file (plain or gzip) or a folder of PNG/JPEG images. Image "
                    + "sets are centred by their mean image. Required."})
    private String data;

    @Option(names = "--alpha", order = 2, paramLabel = "<alpha>", defaultValue = "2",
            description = "Spectral exponent of powerlaw and powerlaw-spectrum, 0..4. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setAlpha(String text) {
        alpha = OptionValues.real(spec, "--alpha", text, 0, PowerLawField.MAX_ALPHA, "");
    }

    @Option(names = "--size", order = 3, paramLabel = "<L>", defaultValue = "28",
            description = "Side of the powerlaw fields in pixels, 8..64 (d = L^2). "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSide(String text) {
        side = OptionValues.integer(spec, "--size", text, PowerLawField.MIN_SIDE,
                PowerLawField.MAX_SIDE, "pixels");
    }

    @Option(names = {"-d", "--dimension"}, order = 4, paramLabel = "<d>", defaultValue = "1000",
            description = "Dimension of powerlaw-spectrum and spiked, 2..20000. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setDimension(String text) {
        dimension = OptionValues.integer(spec, "--dimension", text, 2, MAX_DIMENSION, "");
    }

    @Option(names = "--beta", order = 5, paramLabel = "<beta>[,<beta>...]",
            description = "Spike strengths added to the top eigenvalues of powerlaw-spectrum "
                    + "or spiked, 1 to 20 comma-separated values, each 0..100. "
                    + "Default: none.")
    void setSpikeStrengths(String text) {
        spikeStrengths = OptionValues.reals(spec, "--beta", text, 1, 20, 0, MAX_SPIKE_STRENGTH);
    }

    @Option(names = "--resize", order = 6, paramLabel = "<W>x<H>",
            description = "Folder of images: scale every image to W x H pixels (1..4096 each).")
    void setResize(String text) {
        Matcher size = SIZE.matcher(text.strip());
        int width = size.matches() ? Integer.parseInt(size.group(1)) : 0;
        int height = size.matches() ? Integer.parseInt(size.group(2)) : 0;
        if (width < 1 || height < 1 || width > 4096 || height > 4096) {
            throw OptionValues.usage(spec, "--resize must be <W>x<H> with each side in "
                    + "1..4096, got '" + text + "'");
        }
        sizePolicy = SizePolicy.resizeTo(width, height);
    }

    @Option(names = "--crop", order = 7,
            description = "Folder of images: cut every image to its central window of the "
                    + "smallest width and height in the folder.")
    private boolean crop;

    @Option(names = "--seed", order = 30, paramLabel = "<seed>", defaultValue = "1",
            description = "Root seed of every random draw (training sets, splits, sampling "
                    + "seeds), any 64-bit integer; the same seed gives the same numbers. "
                    + "Default: ${DEFAULT-VALUE}.")
    void setSeed(String text) {
        seed = OptionValues.anyLong(spec, "--seed", text);
    }

    /** The root seed. */
    long seed() {
        return seed;
    }

    /** The spike count given with --beta (0 without). */
    int spikeCount() {
        return spikeStrengths.length;
    }

    /** The name of the data as given, for messages. */
    String label() {
        return data;
    }

    /** Checks the options that go together; call before loading. */
    void validate() {
        if (crop && sizePolicy != null) {
            throw OptionValues.usage(spec, "--crop and --resize cannot be used together");
        }
        if (spikeStrengths.length > 0 && !data.equals(POWER_LAW_SPECTRUM)
                && !data.equals(SPIKED)) {
            throw OptionValues.usage(spec, "--beta applies to --data " + POWER_LAW_SPECTRUM
                    + " or " + SPIKED + " only");
        }
        if (data.equals(SPIKED) && spikeStrengths.length > dimension
                || data.equals(POWER_LAW_SPECTRUM) && spikeStrengths.length > dimension) {
            throw OptionValues.usage(spec, "--beta gives " + spikeStrengths.length
                    + " spikes, more than --dimension " + dimension);
        }
    }

    /**
     * Loads or builds the source.
     *
     * @throws BadInput naming the file and the problem when the data cannot be used
     */
    DataSource source() {
        switch (data) {
            case POWER_LAW_FIELD:
                return DataSource.powerLawField(new PowerLawField(side, alpha));
            case POWER_LAW_SPECTRUM:
                return DataSource.powerLawSpectrum(
                        new PowerLawSpectrum(dimension, alpha, spikeStrengths));
            case SPIKED:
                return DataSource.spiked(dimension, spikeStrengths);
            case FASHION_MNIST:
                return DataSource.imageSet(fashionMnist());
            default:
                return DataSource.imageSet(imageFile());
        }
    }

    private ImageSet fashionMnist() {
        Optional<DatasetCatalog.Entry> entry = catalog.find("fashion-mnist-train");
        if (entry.isEmpty() || !entry.get().isPresent()) {
            throw new BadInput(FASHION_MNIST + ": not installed (no file "
                    + entry.map(e -> e.images().toString()).orElse(catalog.root().toString())
                    + "); install the package dataset-fashion-mnist or give --data <path>",
                    null);
        }
        try {
            return catalog.load(entry.get());
        } catch (DataLoadException failed) {
            throw new BadInput(failed.getMessage(), failed);
        }
    }

    private ImageSet imageFile() {
        Path path;
        try {
            path = Path.of(data);
        } catch (InvalidPathException invalid) {
            throw new BadInput(data + ": not a valid path", invalid);
        }
        SizePolicy policy = crop ? SizePolicy.cropToSmallest()
                : sizePolicy != null ? sizePolicy : SizePolicy.requireSame();
        ImageSet images;
        try {
            images = DatasetCatalog.load(path, policy);
        } catch (DataLoadException failed) {
            throw new BadInput(failed.getMessage(), failed);
        }
        if (images.count() < 2) {
            throw new BadInput(String.format(Locale.ROOT, "%s: only %d image, and two "
                    + "disjoint training sets need at least 2", images.name(), images.count()),
                    null);
        }
        return images;
    }

    /**
     * A comma-separated list of 1..maxCount integers, each in min..max, or a usage error
     * naming {@code option}.
     */
    static int[] integers(CommandSpec spec, String option, String text, int maxCount, int min,
                          int max) {
        String[] parts = text.split(",", -1);
        if (parts.length > maxCount) {
            throw OptionValues.usage(spec, option + " must be 1 to " + maxCount
                    + " comma-separated integers, got '" + text + "'");
        }
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = OptionValues.integer(spec, option, parts[i], min, max, "");
        }
        return values;
    }
}
