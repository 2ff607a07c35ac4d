package org.memoscope.diffusion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.memoscope.io.AtomicFiles;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataPoint;
import org.memoscope.model.Estimate;

/**
 * Trained weights and measured points of the pair experiment, kept on disk so that an
 * interrupted sweep resumes and a finished one reloads at once.
 *
 * <p>Each entry is one file named after the SHA-256 of its key, a text that lists everything
 * that determines the content (data identity and content hash, N, split seed, architecture,
 * training settings, schedule, measurement settings). A file holds a magic word and format
 * version, the key itself, the payload, and a CRC-32 of all of that; it is written with
 * {@link AtomicFiles}. An entry whose length, checksum, magic word or key does not match is
 * reported (a {@code System.Logger} warning and a message for the result), deleted and
 * treated as missing, so it is recomputed and never loaded.
 *
 * <p>The folder is {@link #defaultRoot()} unless given.
 */
public final class PairCache {

    /** System property naming the cache folder. */
    public static final String PROPERTY = "memoscope.cache";

    /** Environment variable naming the cache folder (when the property is not set). */
    public static final String ENVIRONMENT = "MEMOSCOPE_CACHE";

    private static final System.Logger LOG = System.getLogger(PairCache.class.getName());
    private static final long MAGIC = 0x4D454D4F50414952L;
    private static final int VERSION = 1;

    private final Path root;

    public PairCache(Path root) {
        this.root = root;
    }

    /**
     * The cache folder: the system property {@value #PROPERTY}, else the environment variable
     * {@value #ENVIRONMENT}, else {@code $XDG_CACHE_HOME/memoscope}, else
     * {@code ~/.cache/memoscope}.
     */
    public static Path defaultRoot() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String environment = System.getenv(ENVIRONMENT);
        if (environment != null && !environment.isBlank()) {
            return Path.of(environment);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "memoscope");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "memoscope");
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /** The file of the entry {@code key} of {@code kind} ("net" or "point"). */
    Path file(String kind, String key) {
        return root.resolve("pair").resolve(kind + "-" + sha256(key).substring(0, 40) + ".bin");
    }

    /** A trained network, if cached under {@code key}; problems are added to {@code notes}. */
    public Optional<DenoiserTraining.Result> loadNetwork(String key, int parameterCount,
                                                         List<String> notes) {
        Optional<DenoiserTraining.Result> loaded = read("net", key, notes).map(in -> {
            float[] weights = readFloats(in);
            int window = in.readInt();
            float[] history = readFloats(in);
            return new DenoiserTraining.Result(weights, history, window);
        }, notes, file("net", key));
        if (loaded.isPresent() && !plausibleWeights(loaded.get().weights(), parameterCount)) {
            reject(file("net", key), "holds weights of another network or non-finite weights",
                    notes);
            return Optional.empty();
        }
        return loaded;
    }

    private static boolean plausibleWeights(float[] weights, int parameterCount) {
        if (weights.length != parameterCount) {
            return false;
        }
        for (float weight : weights) {
            if (!Float.isFinite(weight)) {
                return false;
            }
        }
        return true;
    }

    /** Stores a trained network under {@code key}; a failure is noted, not thrown. */
    public void saveNetwork(String key, DenoiserTraining.Result result, List<String> notes) {
        write("net", key, out -> {
            writeFloats(out, result.weights());
            out.writeInt(result.lossWindow());
            writeFloats(out, result.lossHistory());
        }, notes);
    }

    /** A measured point, if cached under {@code key}. */
    public Optional<PairPoint> loadPoint(String key, int sampleCount, List<String> notes) {
        Optional<PairPoint> loaded = read("point", key, notes).map(PairCache::readPoint, notes,
                file("point", key));
        if (loaded.isPresent() && loaded.get().sampleCount() != sampleCount) {
            reject(file("point", key), "holds the point of another N", notes);
            return Optional.empty();
        }
        return loaded;
    }

    /** Stores a measured point under {@code key}. */
    public void savePoint(String key, PairPoint point, List<String> notes) {
        write("point", key, out -> writePoint(out, point), notes);
    }

    /** The linear model's curve on the same images, if cached under {@code key}. */
    public Optional<DataCurve> loadLinear(String key, List<String> notes) {
        return read("linear", key, notes).map(PairCache::readCurve, notes,
                file("linear", key));
    }

    /** Stores the linear model's curve under {@code key}; a failure is noted, not thrown. */
    public void saveLinear(String key, DataCurve curve, List<String> notes) {
        write("linear", key, out -> writeCurve(out, curve), notes);
    }

    private interface Payload {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private interface Parser<T> {
        T parse(DataInputStream in) throws IOException;
    }

    /** The payload of a verified entry, still to be parsed. */
    private static final class Entry {

        private final DataInputStream in;

        Entry(DataInputStream in) {
            this.in = in;
        }

        <T> Optional<T> map(Parser<T> parser, List<String> notes, Path file) {
            try {
                return Optional.of(parser.parse(in));
            } catch (IOException | RuntimeException malformed) {
                reject(file, "unreadable content (" + malformed + ")", notes);
                return Optional.empty();
            }
        }
    }

    /** An optional entry: {@code map} parses it when present. */
    private static final class MaybeEntry {

        private final Entry entry;

        MaybeEntry(Entry entry) {
            this.entry = entry;
        }

        <T> Optional<T> map(Parser<T> parser, List<String> notes, Path file) {
            return entry == null ? Optional.empty() : entry.map(parser, notes, file);
        }
    }

    /** Entries are a few megabytes at most; anything far larger is not one of ours. */
    static final long MAX_ENTRY_BYTES = 256L << 20;

    private MaybeEntry read(String kind, String key, List<String> notes) {
        Path file = file(kind, key);
        byte[] bytes;
        try {
            if (Files.notExists(file)) {
                return new MaybeEntry(null);
            }
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_ENTRY_BYTES) {
                reject(file, "is not a regular file of at most " + MAX_ENTRY_BYTES + " bytes",
                        notes);
                return new MaybeEntry(null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException absent) {
            return new MaybeEntry(null);
        } catch (IOException unreadable) {
            reject(file, "cannot be read (" + unreadable.getMessage() + ")", notes);
            return new MaybeEntry(null);
        }
        if (bytes.length < Long.BYTES * 2 + Integer.BYTES) {
            reject(file, "truncated (" + bytes.length + " bytes)", notes);
            return new MaybeEntry(null);
        }
        int body = bytes.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        long stored = java.nio.ByteBuffer.wrap(bytes, body, Long.BYTES).getLong();
        if (stored != crc.getValue()) {
            reject(file, "checksum mismatch (truncated or corrupt)", notes);
            return new MaybeEntry(null);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        try {
            if (in.readLong() != MAGIC || in.readInt() != VERSION) {
                reject(file, "not a cache entry of this version", notes);
                return new MaybeEntry(null);
            }
            int keyLength = in.readInt();
            if (keyLength < 0 || keyLength > body) {
                reject(file, "malformed header", notes);
                return new MaybeEntry(null);
            }
            byte[] storedKey = new byte[keyLength];
            in.readFully(storedKey);
            if (!new String(storedKey, StandardCharsets.UTF_8).equals(key)) {
                reject(file, "holds another entry's key", notes);
                return new MaybeEntry(null);
            }
        } catch (IOException malformed) {
            reject(file, "malformed header", notes);
            return new MaybeEntry(null);
        }
        return new MaybeEntry(new Entry(in));
    }

    private void write(String kind, String key, Payload payload, List<String> notes) {
        Path file = file(kind, key);
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeLong(MAGIC);
            out.writeInt(VERSION);
            byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
            out.writeInt(keyBytes.length);
            out.write(keyBytes);
            payload.writeTo(out);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buffer.toByteArray());
            out.writeLong(crc.getValue());
            out.flush();
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, buffer.toByteArray());
        } catch (IOException failed) {
            String message = "cannot write cache entry " + file + ": " + failed.getMessage();
            LOG.log(System.Logger.Level.WARNING, message);
            synchronized (notes) {
                notes.add(message);
            }
        }
    }

    private static void reject(Path file, String reason, List<String> notes) {
        String message = "cache entry " + file.getFileName() + " " + reason
                + "; recomputing it";
        LOG.log(System.Logger.Level.WARNING, message + " (" + file + ")");
        synchronized (notes) {
            notes.add(message);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The entry is rewritten after recomputing; a stale file is only overwritten.
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is not available", missing);
        }
    }

    private static void writePoint(DataOutputStream out, PairPoint point) throws IOException {
        out.writeInt(point.sampleCount());
        writeEstimate(out, point.memorisation());
        writeEstimate(out, point.memorisationBaseline());
        writeEstimate(out, point.convergence());
        writeDoubles(out, point.latentRecovery());
        writeDoubles(out, point.noiseLevels());
        writeDoubles(out, point.trainError());
        writeDoubles(out, point.testError());
        writeDoubles(out, point.denoiserDistance());
        out.writeDouble(point.sampleVariance());
        out.writeInt(point.lossWindow());
        writeFloats(out, point.firstLoss());
        writeFloats(out, point.secondLoss());
        PairGridRows grid = point.grid();
        out.writeInt(grid.size());
        for (int j = 0; j < grid.size(); j++) {
            writeDoubles(out, grid.firstSamples()[j]);
            writeDoubles(out, grid.secondSamples()[j]);
        }
        writeInts(out, grid.firstNearest());
        writeInts(out, grid.secondNearest());
        writeDoubles(out, grid.firstNearestCosine());
        writeDoubles(out, grid.secondNearestCosine());
        writeDoubles(out, grid.sampleCosine());
        out.writeDouble(point.seconds());
    }

    private static PairPoint readPoint(DataInputStream in) throws IOException {
        int n = in.readInt();
        Estimate memorisation = readEstimate(in);
        Estimate baseline = readEstimate(in);
        Estimate convergence = readEstimate(in);
        double[] recovery = readDoubles(in);
        double[] levels = readDoubles(in);
        double[] train = readDoubles(in);
        double[] test = readDoubles(in);
        double[] distance = readDoubles(in);
        double variance = in.readDouble();
        int window = in.readInt();
        float[] firstLoss = readFloats(in);
        float[] secondLoss = readFloats(in);
        int rows = in.readInt();
        checkLength(rows);
        double[][] firstSamples = new double[rows][];
        double[][] secondSamples = new double[rows][];
        for (int j = 0; j < rows; j++) {
            firstSamples[j] = readDoubles(in);
            secondSamples[j] = readDoubles(in);
        }
        PairGridRows grid = new PairGridRows(firstSamples, secondSamples, readInts(in),
                readInts(in), readDoubles(in), readDoubles(in), readDoubles(in));
        double seconds = in.readDouble();
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new PairPoint(n, memorisation, baseline, convergence, recovery, levels, train,
                test, distance, variance, window, firstLoss, secondLoss, grid, seconds);
    }

    private static void writeCurve(DataOutputStream out, DataCurve curve) throws IOException {
        out.writeUTF(curve.source());
        out.writeInt(curve.dimension());
        writeInts(out, curve.sampleCounts());
        out.writeInt(curve.seedCount());
        out.writeInt(curve.repetitions());
        out.writeLong(curve.seed());
        writeInts(out, curve.factorGroupSizes());
        out.writeInt(curve.points().size());
        for (DataPoint point : curve.points()) {
            out.writeInt(point.sampleCount());
            out.writeInt(point.dimension());
            writeEstimate(out, point.convergence());
            writeEstimate(out, point.convergenceTrace());
            writeEstimate(out, point.memorisation());
            writeEstimate(out, point.memorisationBaseline());
            Estimate[] recovery = point.latentRecovery();
            out.writeInt(recovery.length);
            for (Estimate estimate : recovery) {
                writeEstimate(out, estimate);
            }
        }
    }

    private static DataCurve readCurve(DataInputStream in) throws IOException {
        String source = in.readUTF();
        int dimension = in.readInt();
        int[] sampleCounts = readInts(in);
        int seedCount = in.readInt();
        int repetitions = in.readInt();
        long seed = in.readLong();
        int[] groups = readInts(in);
        int count = checkLength(in.readInt());
        List<DataPoint> points = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = in.readInt();
            int d = in.readInt();
            Estimate convergence = readEstimate(in);
            Estimate convergenceTrace = readEstimate(in);
            Estimate memorisation = readEstimate(in);
            Estimate baseline = readEstimate(in);
            Estimate[] recovery = new Estimate[checkLength(in.readInt())];
            for (int k = 0; k < recovery.length; k++) {
                recovery[k] = readEstimate(in);
            }
            points.add(new DataPoint(n, d, convergence, convergenceTrace, memorisation,
                    baseline, recovery));
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new DataCurve(source, dimension, sampleCounts, seedCount, repetitions, seed,
                groups, points);
    }

    private static void writeEstimate(DataOutputStream out, Estimate estimate)
            throws IOException {
        out.writeDouble(estimate.mean());
        out.writeDouble(estimate.standardError());
        out.writeInt(estimate.draws());
    }

    private static Estimate readEstimate(DataInputStream in) throws IOException {
        return new Estimate(in.readDouble(), in.readDouble(), in.readInt());
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        double[] values = new double[checkLength(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float value : values) {
            out.writeFloat(value);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] values = new float[checkLength(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] values = new int[checkLength(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
        }
        return values;
    }

    private static int checkLength(int length) throws IOException {
        if (length < 0 || length > 50_000_000) {
            throw new EOFException("implausible length " + length);
        }
        return length;
    }
}
