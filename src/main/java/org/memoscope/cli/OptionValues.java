package org.memoscope.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Parses option values strictly and checks them against their accepted range.
 * A rejected value becomes a {@link CommandLine.ParameterException} whose
 * message names the option, the range and what was given, in one line, so
 * that the command line can report it and exit with the usage status.
 *
 * <p>Numbers are read in the locale-independent form only: an optional sign,
 * digits with a decimal point, an optional exponent ({@code 0.5}, {@code 1e-3}).
 */
final class OptionValues {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private OptionValues() {
    }

    /** An integer in {@code min..max}, or a usage error naming {@code option}. */
    static int integer(CommandSpec spec, String option, String text, int min, int max,
                       String unit) {
        String value = text.strip();
        String range = "an integer in " + min + ".." + max + unit(unit);
        if (!INTEGER.matcher(value).matches()) {
            throw rejected(spec, option, range, text);
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException tooLong) {
            throw rejected(spec, option, range, text);
        }
        if (parsed < min || parsed > max) {
            throw rejected(spec, option, range, text);
        }
        return (int) parsed;
    }

    /** Any 64-bit integer, or a usage error naming {@code option}. */
    static long anyLong(CommandSpec spec, String option, String text) {
        String value = text.strip();
        String range = "a 64-bit integer (" + Long.MIN_VALUE + ".." + Long.MAX_VALUE + ")";
        if (!INTEGER.matcher(value).matches()) {
            throw rejected(spec, option, range, text);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException tooLong) {
            throw rejected(spec, option, range, text);
        }
    }

    /** A finite number in {@code min..max} inclusive, or a usage error naming {@code option}. */
    static double real(CommandSpec spec, String option, String text, double min, double max,
                       String unit) {
        String range = "a number in " + format(min) + ".." + format(max) + unit(unit);
        double value = parseReal(text);
        if (!(value >= min && value <= max)) {
            throw rejected(spec, option, range, text);
        }
        return value;
    }

    /**
     * A comma-separated list of {@code minCount..maxCount} finite numbers, each in
     * {@code min..max}, or a usage error naming {@code option}.
     */
    static double[] reals(CommandSpec spec, String option, String text, int minCount,
                          int maxCount, double min, double max) {
        String range = minCount + " to " + maxCount + " comma-separated numbers, each in "
                + format(min) + ".." + format(max);
        String[] parts = text.split(",", -1);
        if (parts.length < minCount || parts.length > maxCount) {
            throw rejected(spec, option, range, text);
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parseReal(parts[i]);
            if (!(values[i] >= min && values[i] <= max)) {
                throw rejected(spec, option, range, text);
            }
        }
        return values;
    }

    /** A usage error that does not come from a single option's text. */
    static CommandLine.ParameterException usage(CommandSpec spec, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Compact rendering of a range bound or value: 0.01, 100, 2.5, 1e6, 1e-6. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e5) {
            return Long.toString((long) value);
        }
        if (Math.abs(value) >= 1e-4 && Math.abs(value) < 1e5) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
        String[] parts = String.format(Locale.ROOT, "%.6e", value).split("e");
        String mantissa = parts[0].replaceAll("\\.?0+$", "");
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    private static double parseReal(String text) {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            return Double.NaN;
        }
        double parsed = Double.parseDouble(value);
        return Double.isFinite(parsed) ? parsed : Double.NaN;
    }

    private static String unit(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static CommandLine.ParameterException rejected(CommandSpec spec, String option,
                                                           String range, String text) {
        return usage(spec, option + " must be " + range + ", got '" + text + "'");
    }
}
