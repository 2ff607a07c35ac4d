package org.memoscope.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.memoscope.model.DataParameters;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.ParameterLimits;
import org.memoscope.model.ParameterLimits.Range;

/**
 * The explorer's whole state as one short line of text, to paste into a chat, a
 * slide or the command line and get back exactly the same view:
 *
 * <pre>memoscope:v1;gamma=0.5;d=500;beta=2,0.5;lambda=0;seeds=64;reps=2;seed=1</pre>
 *
 * <p>The text opens with {@code memoscope:v} and the format version, then
 * {@code key=value} entries separated by semicolons: the load {@code gamma}, the
 * simulation dimension {@code d}, the spike strengths {@code beta} (one to five,
 * comma-separated), the ridge {@code lambda}, {@code seeds} per model pair,
 * {@code reps} (repetitions) and the root random {@code seed}. Every key is
 * required once; order does not matter when reading, and {@link #format} writes
 * them in the order above. A {@code view=} entry names the view; the spiked
 * model is {@code view=spiked}, which may be left out.
 *
 * <p>The "Spectra and data" view (and the "Sample grid" tab that shares it) is
 * {@code view=data}, written right after the version:
 *
 * <pre>memoscope:v1;view=data;kind=field;alpha=2;side=16;d=1024;dataset=;gamma=1;seeds=32;reps=1;factors=3;seed=1</pre>
 *
 * <p>with the {@code kind} of data ({@code field}, {@code spectrum} or
 * {@code dataset}), the exponent {@code alpha}, the field side {@code side}, the
 * spectrum's dimension {@code d}, the {@code dataset} (a path, the short name
 * {@code fashion-mnist}, or empty), the cursor {@code gamma}, {@code seeds} per
 * n, {@code reps}, the {@code factors} Q_k shown and the root {@code seed}. All
 * keys are required, those of the other kinds too, so the text restores every
 * control. In the dataset a {@code %}, a {@code ;}, white space, control
 * characters and all but ASCII are written as {@code %XX} (UTF-8 bytes in
 * hexadecimal), so the text survives chats and mail unchanged.
 *
 * <p>Numbers are written as {@link Double#toString(double)} writes them, with a
 * trailing ".0" dropped and the exponent as "e" ({@code 0.30000000000000004},
 * {@code 1e-4}), and read with {@link Double#parseDouble}, so every double comes
 * back to the same bits. Reading is strict: a wrong prefix, a newer version, an
 * unknown, repeated or missing key, a malformed number and a value outside the
 * window's range ({@link ParameterLimits}) are refused with a message that names
 * the key. Space around entries and around the whole text is ignored.
 */
public final class StateText {

    /** Format version written, and the newest one read. */
    public static final int VERSION = 1;

    private static final String PREFIX = "memoscope:v";
    private static final String SPIKED_VIEW = "spiked";
    private static final int MAX_LENGTH = 1000;
    private static final String DATA_VIEW = "data";
    private static final String DENOISER_VIEW = "denoiser";
    private static final List<String> DENOISER_KEYS =
            List.of("data", "n", "steps", "channels", "seed");
    private static final List<String> KEYS =
            List.of("gamma", "d", "beta", "lambda", "seeds", "reps", "seed");
    private static final List<String> DATA_KEYS = List.of("kind", "alpha", "side", "d",
            "dataset", "gamma", "seeds", "reps", "factors", "seed");
    private static final Pattern DECIMAL =
            Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern SIGNED_WHOLE = Pattern.compile("-?(0|[1-9][0-9]*)");

    private StateText() {
    }

    /** The state text of {@code p}; {@link #parse} gives back an equal object. */
    public static String format(ExplorerParameters p) {
        StringBuilder text = new StringBuilder(PREFIX).append(VERSION);
        text.append(";gamma=").append(number(p.loadRatio()));
        text.append(";d=").append(p.dimension());
        text.append(";beta=");
        for (int k = 0; k < p.spikeCount(); k++) {
            text.append(k == 0 ? "" : ",").append(number(p.spikeStrength(k)));
        }
        text.append(";lambda=").append(number(p.ridge()));
        text.append(";seeds=").append(p.seedCount());
        text.append(";reps=").append(p.repetitions());
        text.append(";seed=").append(p.seed());
        return text.toString();
    }

    /** The state text of the data view's parameters {@code p}; {@link #parseData} reads it. */
    public static String format(DataParameters p) {
        return PREFIX + VERSION + ";view=" + DATA_VIEW
                + ";kind=" + p.kind().key()
                + ";alpha=" + number(p.exponent())
                + ";side=" + p.imageSide()
                + ";d=" + p.dimension()
                + ";dataset=" + escape(p.datasetPath())
                + ";gamma=" + number(p.loadRatio())
                + ";seeds=" + p.seedCount()
                + ";reps=" + p.repetitions()
                + ";factors=" + p.factorCount()
                + ";seed=" + p.seed();
    }

    /** The state text of the "Denoiser pair" tab; {@link #parseDenoiser} reads it. */
    public static String format(DenoiserParameters p) {
        StringBuilder sizes = new StringBuilder();
        for (int n : p.sampleCounts()) {
            sizes.append(sizes.length() == 0 ? "" : ",").append(n);
        }
        return PREFIX + VERSION + ";view=" + DENOISER_VIEW
                + ";data=" + p.data()
                + ";n=" + sizes
                + ";steps=" + p.steps()
                + ";channels=" + p.channels()
                + ";seed=" + p.seed();
    }

    /**
     * The settings a state text of the "Denoiser pair" tab ({@code view=denoiser}) describes.
     *
     * @throws StateTextException naming the key and the problem
     */
    public static DenoiserParameters parseDenoiser(String text) {
        String[] entries = split(text);
        checkVersion(entries[0].strip());
        Map<String, String> values = entries(entries, DENOISER_VIEW, DENOISER_KEYS);

        String data = values.getOrDefault("data", DenoiserParameters.POWER_LAW);
        if (!data.equals(DenoiserParameters.FASHION_MNIST)
                && !data.equals(DenoiserParameters.POWER_LAW)) {
            throw new StateTextException("state text: data must be "
                    + DenoiserParameters.FASHION_MNIST + " or " + DenoiserParameters.POWER_LAW
                    + ", got '" + shorten(data) + "'");
        }
        String[] parts = values.getOrDefault("n", "1").split(",", -1);
        if (parts.length > ParameterLimits.PAIR_MAX_SIZES) {
            throw new StateTextException("state text: n has " + parts.length
                    + " sizes; at most " + ParameterLimits.PAIR_MAX_SIZES + " are allowed");
        }
        int[] sizes = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            sizes[k] = whole("n", parts[k], ParameterLimits.PAIR_SAMPLE_COUNT);
            for (int j = 0; j < k; j++) {
                if (sizes[j] == sizes[k]) {
                    throw new StateTextException("state text: n lists " + sizes[k] + " twice");
                }
            }
        }
        int steps = whole("steps", values.get("steps"), ParameterLimits.PAIR_STEPS);
        int channels = whole("channels", values.get("channels"), ParameterLimits.PAIR_CHANNELS);
        long seed = seed(values.get("seed"));
        requireAll(values, DENOISER_KEYS);
        return new DenoiserParameters(data, sizes, steps, channels, seed);
    }

    /**
     * The view a state text is for: {@code "spiked"} (also when it names none),
     * {@code "data"} or {@code "denoiser"}. Checks only the prefix, the version and the view entry.
     *
     * @throws StateTextException when the text is no state text of a known view
     */
    public static String viewOf(String text) {
        String[] entries = split(text);
        checkVersion(entries[0].strip());
        String view = SPIKED_VIEW;
        for (int i = 1; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.startsWith("view=")) {
                view = checkView(entry.substring("view=".length()));
            }
        }
        return view;
    }

    /**
     * The parameters a state text of the spiked-model explorer describes.
     *
     * @throws StateTextException naming the key and the problem
     */
    public static ExplorerParameters parse(String text) {
        String[] entries = split(text);
        checkVersion(entries[0].strip());
        Map<String, String> values = entries(entries, SPIKED_VIEW, KEYS);

        double gamma = real("gamma", values.get("gamma"), ParameterLimits.LOAD);
        int d = whole("d", values.get("d"), ParameterLimits.DIMENSION);
        double[] beta = spikeStrengths(values.get("beta"));
        double lambda = real("lambda", values.get("lambda"), ParameterLimits.RIDGE);
        int seeds = whole("seeds", values.get("seeds"), ParameterLimits.SEEDS);
        int repetitions = whole("reps", values.get("reps"), ParameterLimits.REPETITIONS);
        long seed = seed(values.get("seed"));
        requireAll(values, KEYS);
        return new ExplorerParameters(gamma, d, beta, lambda, seeds, repetitions, seed);
    }

    /**
     * The parameters a state text of the data view ({@code view=data}) describes.
     *
     * @throws StateTextException naming the key and the problem
     */
    public static DataParameters parseData(String text) {
        String[] entries = split(text);
        checkVersion(entries[0].strip());
        Map<String, String> values = entries(entries, DATA_VIEW, DATA_KEYS);

        String kindKey = values.get("kind");
        DataParameters.Kind kind = kindKey == null ? null : DataParameters.Kind.ofKey(kindKey);
        if (kindKey != null && kind == null) {
            throw new StateTextException("state text: kind must be field, spectrum or dataset,"
                    + " got '" + shorten(kindKey) + "'");
        }
        double alpha = real("alpha", values.get("alpha"), ParameterLimits.EXPONENT);
        int side = whole("side", values.get("side"), ParameterLimits.IMAGE_SIDE);
        int d = whole("d", values.get("d"), ParameterLimits.SPECTRUM_DIMENSION);
        String dataset = values.containsKey("dataset") ? unescape(values.get("dataset")) : "";
        double gamma = real("gamma", values.get("gamma"), ParameterLimits.DATA_LOAD);
        int seeds = whole("seeds", values.get("seeds"), ParameterLimits.DATA_SEEDS);
        int repetitions = whole("reps", values.get("reps"), ParameterLimits.REPETITIONS);
        int factors = whole("factors", values.get("factors"), ParameterLimits.FACTORS);
        long seed = seed(values.get("seed"));
        requireAll(values, DATA_KEYS);
        return new DataParameters(kind, alpha, side, d, dataset, gamma, seeds, repetitions,
                factors, seed);
    }

    /**
     * A double in the shortest form this codec writes: {@code 2}, {@code 0.5},
     * {@code 1e-4}; {@link Double#parseDouble} reads back the same bits.
     */
    public static String number(double value) {
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return exponent < 0 ? mantissa : mantissa + "e" + text.substring(exponent + 1);
    }

    private static String[] split(String text) {
        if (text == null || text.isBlank()) {
            throw new StateTextException("state text is empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new StateTextException("state text is too long (" + trimmed.length()
                    + " characters; a state has well under " + MAX_LENGTH + ")");
        }
        return trimmed.split(";", -1);
    }

    private static String checkView(String view) {
        if (!view.equals(SPIKED_VIEW) && !view.equals(DATA_VIEW)
                && !view.equals(DENOISER_VIEW)) {
            throw new StateTextException("state text: view '" + shorten(view)
                    + "' is not known to this Memoscope (it knows " + SPIKED_VIEW + ", "
                    + DATA_VIEW + ", " + DENOISER_VIEW + ")");
        }
        return view;
    }

    private static void checkVersion(String head) {
        if (!head.startsWith(PREFIX)) {
            throw new StateTextException("not a Memoscope state: it should start with '"
                    + PREFIX + VERSION + ";', got '" + shorten(head) + "'");
        }
        String digits = head.substring(PREFIX.length());
        if (!WHOLE.matcher(digits).matches() || digits.length() > 6) {
            throw new StateTextException("state text: version must be a whole number after '"
                    + PREFIX + "', got '" + shorten(head) + "'");
        }
        int version = Integer.parseInt(digits);
        if (version > VERSION) {
            throw new StateTextException("state text version " + version
                    + " comes from a newer Memoscope; this one reads version " + VERSION);
        }
        if (version < 1) {
            throw new StateTextException("state text: there is no version " + version);
        }
    }

    private static Map<String, String> entries(String[] entries, String expectedView,
                                               List<String> keys) {
        String view = viewOf(String.join(";", entries));
        if (!view.equals(expectedView)) {
            throw new StateTextException("state text: this is a state of the " + view
                    + " view, not of the " + expectedView + " view");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < entries.length; i++) {
            String entry = entries[i].strip();
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new StateTextException("state text: entry " + i + " should read key=value, "
                        + "got '" + shorten(entry) + "'");
            }
            String key = entry.substring(0, equals);
            String value = entry.substring(equals + 1);
            if (key.equals("view")) {
                if (values.put(key, value) != null) {
                    throw new StateTextException("state text: key 'view' is given twice");
                }
                continue;
            }
            if (!keys.contains(key)) {
                throw new StateTextException("state text: unknown key '" + shorten(key)
                        + "' (the keys are " + String.join(", ", keys) + ")");
            }
            if (values.put(key, value) != null) {
                throw new StateTextException("state text: key '" + key + "' is given twice");
            }
        }
        return values;
    }

    /**
     * Throws for the first of {@code keys} that {@code values} lacks. Called after the given
     * values are read, so that a malformed value is reported before a missing key.
     */
    private static void requireAll(Map<String, String> values, List<String> keys) {
        for (String key : keys) {
            if (!values.containsKey(key)) {
                throw new StateTextException("state text: key '" + key + "' is missing");
            }
        }
    }

    private static double[] spikeStrengths(String text) {
        if (text == null) {
            return new double[0]; // missing: reported by requireAll
        }
        String[] parts = text.split(",", -1);
        if (parts.length > ExplorerParameters.MAX_SPIKES) {
            throw new StateTextException("state text: beta has " + parts.length
                    + " values; at most " + ExplorerParameters.MAX_SPIKES + " are allowed");
        }
        double[] values = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            values[k] = real("beta", parts[k], ParameterLimits.SPIKE_STRENGTH);
        }
        return values;
    }

    /** The value of {@code key}; NaN when absent (reported later by requireAll). */
    private static double real(String key, String text, Range range) {
        if (text == null) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new StateTextException("state text: " + key + " must be a decimal number, got '"
                    + shorten(text) + "'");
        }
        double value = Double.parseDouble(text);
        if (!range.contains(value)) {
            throw new StateTextException("state text: " + key + " must be in " + range.text()
                    + ", got " + shorten(text));
        }
        return value;
    }

    /** The value of {@code key}; 0 when absent (reported later by requireAll). */
    private static int whole(String key, String text, Range range) {
        if (text == null) {
            return 0;
        }
        if (!WHOLE.matcher(text).matches() || text.length() > 9) {
            throw new StateTextException("state text: " + key + " must be a whole number in "
                    + range.text() + ", got '" + shorten(text) + "'");
        }
        int value = Integer.parseInt(text);
        if (!range.contains(value)) {
            throw new StateTextException("state text: " + key + " must be in " + range.text()
                    + ", got " + value);
        }
        return value;
    }

    /** The seed; 0 when absent (reported later by requireAll). */
    private static long seed(String text) {
        if (text == null) {
            return 0;
        }
        if (SIGNED_WHOLE.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        throw new StateTextException("state text: seed must be a whole number that fits in "
                + "64 bits, got '" + shorten(text) + "'");
    }

    /** Percent-encodes what would break the text or be lost to stripping. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '%' || c == ';' || c <= 0x20 || c >= 0x7f) {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Reverses {@link #escape}; a malformed %XX or text that is not UTF-8 is refused. */
    static String unescape(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = i + 2 < raw.length ? Character.digit(raw[i + 2], 16) : -1;
            if (high < 0 || low < 0) {
                throw new StateTextException("state text: dataset has a '%' not followed by two"
                        + " hexadecimal digits: '" + shorten(text) + "'");
            }
            bytes.write(high * 16 + low);
            i += 2;
        }
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            if (value.chars().anyMatch(c -> c < 0x20)) {
                throw new StateTextException("state text: dataset holds a control character");
            }
            return value;
        } catch (CharacterCodingException notText) {
            throw new StateTextException("state text: dataset is not UTF-8 text once decoded");
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
