package org.memoscope.model;

import java.util.Locale;
import java.util.Objects;

/**
 * Everything that determines the "Spectra and data" view: which data, the load at the
 * cursor, and the seeds of the experiment. Immutable.
 *
 * @param kind         where the data come from
 * @param exponent     alpha of the power law j^(-alpha) or |k|^(-alpha), 0..4
 * @param imageSide    L of the L x L power-law fields, 8..64
 * @param dimension    d of the abstract power-law spectrum, 16..4096
 * @param datasetPath  an IDX file or image folder (kind {@link Kind#DATASET}); "" otherwise
 * @param loadRatio    gamma = n / d at the cursor
 * @param seedCount    sampling seeds per repetition
 * @param repetitions  pairs of training sets per n
 * @param factorCount  how many Q_k to show, 1..5
 * @param seed         root seed
 */
public record DataParameters(Kind kind, double exponent, int imageSide, int dimension,
                             String datasetPath, double loadRatio, int seedCount,
                             int repetitions, int factorCount, long seed) {

    /** Data sources the view offers. */
    public enum Kind {
        POWER_LAW_FIELD("field", "Power-law image fields"),
        POWER_LAW_SPECTRUM("spectrum", "Power-law spectrum (abstract)"),
        DATASET("dataset", "Image dataset from disk");

        private final String key;
        private final String title;

        Kind(String key, String title) {
            this.key = key;
            this.title = title;
        }

        /** The short name presets and state texts use: field, spectrum, dataset. */
        public String key() {
            return key;
        }

        public String title() {
            return title;
        }

        /** The kind whose {@link #key()} is {@code key}, or null. */
        public static Kind ofKey(String key) {
            for (Kind kind : values()) {
                if (kind.key.equals(key)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static final DataParameters DEFAULTS = new DataParameters(Kind.POWER_LAW_FIELD, 2.0,
            16, 1024, "", 1.0, 32, 1, 3, 1L);

    public DataParameters {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(datasetPath, "datasetPath");
        if (!(exponent >= 0 && exponent <= 4)) {
            throw new IllegalArgumentException("exponent alpha must be in 0..4, got " + exponent);
        }
        if (imageSide < 8 || imageSide > 64) {
            throw new IllegalArgumentException("image side L must be in 8..64, got " + imageSide);
        }
        if (dimension < 16 || dimension > 4096) {
            throw new IllegalArgumentException("dimension d must be in 16..4096, got " + dimension);
        }
        if (!(loadRatio > 0) || Double.isInfinite(loadRatio)) {
            throw new IllegalArgumentException("load gamma must be finite and > 0, got "
                    + loadRatio);
        }
        if (seedCount < 1 || repetitions < 1) {
            throw new IllegalArgumentException("seeds and repetitions must be at least 1");
        }
        if (factorCount < 1 || factorCount > 5) {
            throw new IllegalArgumentException("factor count must be in 1..5, got " + factorCount);
        }
    }

    /** d of the data this describes (0 for a dataset, whose size is known once loaded). */
    public int dataDimension() {
        return switch (kind) {
            case POWER_LAW_FIELD -> imageSide * imageSide;
            case POWER_LAW_SPECTRUM -> dimension;
            case DATASET -> 0;
        };
    }

    /** True when the data (and so theory and experiment) are the same for both. */
    public boolean sameData(DataParameters other) {
        return kind == other.kind && datasetPath.equals(other.datasetPath)
                && (kind == Kind.DATASET || exponent == other.exponent)
                && (kind != Kind.POWER_LAW_FIELD || imageSide == other.imageSide)
                && (kind != Kind.POWER_LAW_SPECTRUM || dimension == other.dimension);
    }

    /** True when the experiment over the ladder of n is the same for both. */
    public boolean sameExperiment(DataParameters other) {
        return sameData(other) && seedCount == other.seedCount
                && repetitions == other.repetitions && factorCount == other.factorCount
                && seed == other.seed;
    }

    public DataParameters withKind(Kind value) {
        return new DataParameters(value, exponent, imageSide, dimension, datasetPath, loadRatio,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withExponent(double value) {
        return new DataParameters(kind, value, imageSide, dimension, datasetPath, loadRatio,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withImageSide(int value) {
        return new DataParameters(kind, exponent, value, dimension, datasetPath, loadRatio,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withDimension(int value) {
        return new DataParameters(kind, exponent, imageSide, value, datasetPath, loadRatio,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withDataset(String path) {
        return new DataParameters(Kind.DATASET, exponent, imageSide, dimension, path, loadRatio,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withLoadRatio(double value) {
        return new DataParameters(kind, exponent, imageSide, dimension, datasetPath, value,
                seedCount, repetitions, factorCount, seed);
    }

    public DataParameters withSeedCount(int value) {
        return new DataParameters(kind, exponent, imageSide, dimension, datasetPath, loadRatio,
                value, repetitions, factorCount, seed);
    }

    public DataParameters withFactorCount(int value) {
        return new DataParameters(kind, exponent, imageSide, dimension, datasetPath, loadRatio,
                seedCount, repetitions, value, seed);
    }

    /** Short description for titles and status lines. */
    public String describe() {
        return switch (kind) {
            case POWER_LAW_FIELD -> String.format(Locale.ROOT,
                    "power-law fields %dx%d, alpha = %.2f", imageSide, imageSide, exponent);
            case POWER_LAW_SPECTRUM -> String.format(Locale.ROOT,
                    "power-law spectrum d = %d, alpha = %.2f", dimension, exponent);
            case DATASET -> datasetPath.isEmpty() ? "no dataset chosen" : datasetPath;
        };
    }
}
