package org.memoscope.io;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
 * them in the order above. A later view will add a {@code view=} entry; the
 * spiked model is {@code view=spiked}, which may be left out.
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
    private static final List<String> KEYS =
            List.of("gamma", "d", "beta", "lambda", "seeds", "reps", "seed");
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

    /**
     * The parameters a state text describes.
     *
     * @throws StateTextException naming the key and the problem
     */
    public static ExplorerParameters parse(String text) {
        if (text == null || text.isBlank()) {
            throw new StateTextException("state text is empty");
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new StateTextException("state text is too long (" + trimmed.length()
                    + " characters; a state has well under " + MAX_LENGTH + ")");
        }
        String[] entries = trimmed.split(";", -1);
        checkVersion(entries[0].strip());
        Map<String, String> values = entries(entries);

        double[] beta = spikeStrengths(values.get("beta"));
        return new ExplorerParameters(
                real("gamma", values.get("gamma"), ParameterLimits.LOAD),
                whole("d", values.get("d"), ParameterLimits.DIMENSION),
                beta,
                real("lambda", values.get("lambda"), ParameterLimits.RIDGE),
                whole("seeds", values.get("seeds"), ParameterLimits.SEEDS),
                whole("reps", values.get("reps"), ParameterLimits.REPETITIONS),
                seed(values.get("seed")));
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

    private static Map<String, String> entries(String[] entries) {
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
                if (!value.equals(SPIKED_VIEW)) {
                    throw new StateTextException("state text: view '" + shorten(value)
                            + "' is not known to this Memoscope (it knows " + SPIKED_VIEW + ")");
                }
                continue;
            }
            if (!KEYS.contains(key)) {
                throw new StateTextException("state text: unknown key '" + shorten(key)
                        + "' (the keys are " + String.join(", ", KEYS) + ")");
            }
            if (values.put(key, value) != null) {
                throw new StateTextException("state text: key '" + key + "' is given twice");
            }
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new StateTextException("state text: key '" + key + "' is missing");
            }
        }
        return values;
    }

    private static double[] spikeStrengths(String text) {
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

    private static double real(String key, String text, Range range) {
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

    private static int whole(String key, String text, Range range) {
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

    private static long seed(String text) {
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

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
