package org.memoscope.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.memoscope.data.DatasetCatalog;
import org.memoscope.model.DataParameters;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.ParameterLimits;
import org.memoscope.model.ParameterLimits.Range;
import org.memoscope.model.Preset;

/**
 * Presets as JSON files, one scenario per file:
 *
 * <pre>
 * {
 *   "version": 1,
 *   "view": "spiked",
 *   "title": "Latent recovery after convergence",
 *   "explanation": "One weak spike ...",
 *   "parameters": {
 *     "gamma": 4, "dimension": 500, "beta": [0.5], "lambda": 0,
 *     "seeds": 64, "repetitions": 2, "seed": 1
 *   }
 * }
 * </pre>
 *
 * <p>{@code version} is the format version ({@value #VERSION}); {@code view} names
 * the view the preset is for, and so which {@code parameters} it holds (a later
 * view adds its own name and its own parameters). For {@code "spiked"} they are
 * those of the command line and the window: the load {@code gamma} at the
 * cursor, the simulation {@code dimension} d, the spike strengths {@code beta}
 * (one to five), the ridge {@code lambda}, {@code seeds} per model pair,
 * {@code repetitions} and the root random {@code seed}.
 *
 * <p>For {@code "data"} (the "Spectra and data" and "Sample grid" tabs):
 *
 * <pre>
 * "parameters": {
 *   "kind": "field", "alpha": 3, "side": 16, "gamma": 1,
 *   "seeds": 32, "repetitions": 1, "factors": 3, "seed": 1
 * }
 * </pre>
 *
 * <p>{@code kind} is {@code "field"} (L x L power-law image fields of exponent
 * {@code alpha} and side {@code side}), {@code "spectrum"} (Gaussian data of
 * dimension {@code dimension} with eigenvalues j^-alpha) or {@code "dataset"}
 * ({@code dataset}: an IDX file, a folder of images, or {@code "fashion-mnist"}
 * for the installed Fashion-MNIST training images). The fields of the kind are
 * required; the other kinds' fields ({@code alpha}, {@code side},
 * {@code dimension}, {@code dataset}) may be given too, and set the controls a
 * change of kind shows. {@code gamma} is the cursor (and the sample grid's n =
 * gamma d), {@code seeds} per n, {@code repetitions}, {@code factors} the Q_k
 * shown, {@code seed} the root seed.
 *
 * <p>For {@code "denoiser"} (the "Denoiser pair" tab):
 *
 * <pre>
 * "parameters": {
 *   "data": "fashion-mnist", "sampleCounts": [1, 16, 4096],
 *   "steps": 2000, "channels": 8, "seed": 1
 * }
 * </pre>
 *
 * <p>{@code data} is {@code "fashion-mnist"} or {@code "powerlaw"}, {@code sampleCounts} the
 * training-set sizes N per network (1 to 20 different whole numbers), {@code steps} the
 * training steps and {@code channels} the UNet channels per network, {@code seed} the
 * experiment's root seed. Loading such a preset sets the tab's controls; it never trains.
 *
 * <p>Reading is strict: the file must be UTF-8 JSON with one object, no repeated
 * or unknown field, every field present with its type (whole numbers where a count
 * is meant) and inside the window's range ({@link ParameterLimits}). A version
 * newer than this one is refused before anything else is looked at. Every
 * refusal is a {@link PresetException} that names the file and the field.
 */
public final class PresetJson {

    /** Format version written, and the newest one read. */
    public static final int VERSION = 1;

    private static final int MAX_TITLE = 120;
    private static final int MAX_EXPLANATION = 4000;
    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final List<String> TOP_FIELDS =
            List.of("version", "view", "title", "explanation", "parameters");
    private static final List<String> SPIKED_FIELDS =
            List.of("gamma", "dimension", "beta", "lambda", "seeds", "repetitions", "seed");
    private static final List<String> DATA_FIELDS = List.of("kind", "alpha", "side",
            "dimension", "dataset", "gamma", "seeds", "repetitions", "factors", "seed");
    private static final List<String> DATA_COMMON_FIELDS =
            List.of("kind", "gamma", "seeds", "repetitions", "factors", "seed");
    private static final int MAX_DATASET_PATH = 1000;
    private static final List<String> DENOISER_FIELDS =
            List.of("data", "sampleCounts", "steps", "channels", "seed");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PresetJson() {
    }

    /** Reads the preset in {@code file}; errors name the file. */
    public static Preset read(Path file) throws PresetException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new PresetException(source, "file is larger than 1 MiB; not a preset");
            }
            bytes = Files.readAllBytes(file);
        } catch (PresetException tooLarge) {
            throw tooLarge;
        } catch (IOException unreadable) {
            throw new PresetException(source, "cannot read: " + describe(unreadable),
                    unreadable);
        }
        return parse(decode(source, bytes), source);
    }

    /**
     * Reads a preset from JSON text.
     *
     * @param source what to call the text in messages: its file name or a preset name
     */
    public static Preset parse(String json, String source) throws PresetException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException malformed) {
            throw new PresetException(source, "not valid JSON" + where(malformed.getLocation())
                    + ": " + firstLine(malformed.getOriginalMessage()), malformed);
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new PresetException(source, "a preset is a JSON object { ... }");
        }
        Reader reader = new Reader(source);
        checkVersion(reader, root);
        reader.checkFields(root, "", TOP_FIELDS);

        String view = reader.text(root, "view", 40);
        String title = reader.text(root, "title", MAX_TITLE);
        String explanation = reader.text(root, "explanation", MAX_EXPLANATION);
        if (!Preset.VIEWS.contains(view)) {
            throw new PresetException(source, "view: '" + view + "' is not a view this "
                    + "Memoscope has (it has: " + String.join(", ", Preset.VIEWS) + ")");
        }
        JsonNode parameters = root.get("parameters");
        if (!parameters.isObject()) {
            throw new PresetException(source, "parameters: must be an object { ... }");
        }
        if (view.equals(Preset.DATA_VIEW)) {
            return Preset.data(title, explanation, reader.dataParameters(parameters));
        }
        if (view.equals(Preset.DENOISER_VIEW)) {
            return Preset.denoiser(title, explanation, reader.denoiserParameters(parameters));
        }
        return Preset.spiked(title, explanation, reader.spikedParameters(parameters));
    }

    /** The preset as JSON text, ending in a line end. */
    public static String format(Preset preset) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("view", preset.view());
        root.put("title", preset.title());
        root.put("explanation", preset.explanation());
        ObjectNode parameters = root.putObject("parameters");
        switch (preset.view()) {
            case Preset.SPIKED_VIEW -> putSpiked(parameters, preset.parameters());
            case Preset.DATA_VIEW -> putData(parameters, preset.dataParameters());
            default -> putDenoiser(parameters, preset.denoiserParameters());
        }

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withSeparators(
                Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayValueSpacing(Separators.Spacing.AFTER));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values always serialises",
                    impossible);
        }
    }

    private static void putSpiked(ObjectNode parameters, ExplorerParameters p) {
        parameters.put("gamma", p.loadRatio());
        parameters.put("dimension", p.dimension());
        ArrayNode beta = parameters.putArray("beta");
        for (double strength : p.spikeStrengths()) {
            beta.add(strength);
        }
        parameters.put("lambda", p.ridge());
        parameters.put("seeds", p.seedCount());
        parameters.put("repetitions", p.repetitions());
        parameters.put("seed", p.seed());
    }

    /** Every field, those of the other kinds included, so reading gives back equal values. */
    private static void putData(ObjectNode parameters, DataParameters p) {
        parameters.put("kind", p.kind().key());
        parameters.put("alpha", p.exponent());
        parameters.put("side", p.imageSide());
        parameters.put("dimension", p.dimension());
        parameters.put("dataset", p.datasetPath());
        parameters.put("gamma", p.loadRatio());
        parameters.put("seeds", p.seedCount());
        parameters.put("repetitions", p.repetitions());
        parameters.put("factors", p.factorCount());
        parameters.put("seed", p.seed());
    }

    private static void putDenoiser(ObjectNode parameters, DenoiserParameters p) {
        parameters.put("data", p.data());
        ArrayNode sizes = parameters.putArray("sampleCounts");
        for (int n : p.sampleCounts()) {
            sizes.add(n);
        }
        parameters.put("steps", p.steps());
        parameters.put("channels", p.channels());
        parameters.put("seed", p.seed());
    }

    /** Writes {@code preset} to {@code file} atomically (nothing partial on failure). */
    public static void write(Path file, Preset preset) throws IOException {
        AtomicFiles.writeString(file, format(preset));
    }

    private static void checkVersion(Reader reader, JsonNode root) throws PresetException {
        JsonNode version = root.get("version");
        if (version == null) {
            throw reader.problem("version", "missing (this Memoscope writes version " + VERSION
                    + ")");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw reader.problem("version", "must be a whole number, got " + version);
        }
        int number = version.intValue();
        if (number > VERSION) {
            throw reader.problem("version", number + " comes from a newer Memoscope; this one "
                    + "reads version " + VERSION);
        }
        if (number < 1) {
            throw reader.problem("version", "there is no version " + number);
        }
    }

    private static String decode(String source, byte[] bytes) throws PresetException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notText) {
            throw new PresetException(source, "not UTF-8 text", notText);
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed";
        }
        String line = message.strip().split("\\R", 2)[0];
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        String kind = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + " " + message;
    }

    /** Field-by-field checks; every message names the source and the field. */
    private static final class Reader {

        private final String source;

        Reader(String source) {
            this.source = source;
        }

        PresetException problem(String field, String message) {
            return new PresetException(source, field + ": " + message);
        }

        void checkFields(JsonNode object, String prefix, List<String> known)
                throws PresetException {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw problem(prefix + name, "unknown field (known: "
                            + String.join(", ", known) + ")");
                }
            }
            List<String> missing = new ArrayList<>();
            for (String name : known) {
                if (!object.has(name)) {
                    missing.add(prefix + name);
                }
            }
            if (!missing.isEmpty()) {
                throw problem(missing.get(0), "missing" + (missing.size() > 1
                        ? " (also missing: " + String.join(", ", missing.subList(1,
                        missing.size())) + ")" : ""));
            }
        }

        String text(JsonNode object, String field, int maxLength) throws PresetException {
            JsonNode node = object.get(field);
            if (!node.isTextual()) {
                throw problem(field, "must be a string, got " + kind(node));
            }
            String value = node.textValue().strip();
            if (value.isEmpty()) {
                throw problem(field, "must not be empty");
            }
            if (value.length() > maxLength) {
                throw problem(field, "longer than " + maxLength + " characters");
            }
            return value;
        }

        ExplorerParameters spikedParameters(JsonNode node) throws PresetException {
            checkFields(node, "parameters.", SPIKED_FIELDS);
            double gamma = real(node, "gamma", ParameterLimits.LOAD);
            int dimension = whole(node, "dimension", ParameterLimits.DIMENSION);
            double[] beta = spikeStrengths(node.get("beta"));
            double lambda = real(node, "lambda", ParameterLimits.RIDGE);
            int seeds = whole(node, "seeds", ParameterLimits.SEEDS);
            int repetitions = whole(node, "repetitions", ParameterLimits.REPETITIONS);
            return new ExplorerParameters(gamma, dimension, beta, lambda, seeds, repetitions,
                    seed(node.get("seed")));
        }

        DataParameters dataParameters(JsonNode node) throws PresetException {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!DATA_FIELDS.contains(name)) {
                    throw problem("parameters." + name, "unknown field (known: "
                            + String.join(", ", DATA_FIELDS) + ")");
                }
            }
            List<String> required = new ArrayList<>(DATA_COMMON_FIELDS);
            DataParameters.Kind kind = node.has("kind") ? dataKind(node.get("kind")) : null;
            if (kind != null) {
                required.addAll(switch (kind) {
                    case POWER_LAW_FIELD -> List.of("alpha", "side");
                    case POWER_LAW_SPECTRUM -> List.of("alpha", "dimension");
                    case DATASET -> List.of("dataset");
                });
            }
            requirePresent(node, required, kind);

            DataParameters d = DataParameters.DEFAULTS;
            double alpha = node.has("alpha") ? real(node, "alpha", ParameterLimits.EXPONENT)
                    : d.exponent();
            int side = node.has("side") ? whole(node, "side", ParameterLimits.IMAGE_SIDE)
                    : d.imageSide();
            int dimension = node.has("dimension")
                    ? whole(node, "dimension", ParameterLimits.SPECTRUM_DIMENSION)
                    : d.dimension();
            String dataset = node.has("dataset") ? datasetPath(node.get("dataset")) : "";
            double gamma = real(node, "gamma", ParameterLimits.DATA_LOAD);
            int seeds = whole(node, "seeds", ParameterLimits.DATA_SEEDS);
            int repetitions = whole(node, "repetitions", ParameterLimits.REPETITIONS);
            int factors = whole(node, "factors", ParameterLimits.FACTORS);
            return new DataParameters(kind, alpha, side, dimension, dataset, gamma, seeds,
                    repetitions, factors, seed(node.get("seed")));
        }

        DenoiserParameters denoiserParameters(JsonNode node) throws PresetException {
            checkFields(node, "parameters.", DENOISER_FIELDS);
            JsonNode data = node.get("data");
            if (!data.isTextual() || !(data.textValue().equals(DenoiserParameters.FASHION_MNIST)
                    || data.textValue().equals(DenoiserParameters.POWER_LAW))) {
                throw problem("parameters.data", "must be " + DenoiserParameters.FASHION_MNIST
                        + " or " + DenoiserParameters.POWER_LAW + ", got " + kind(data));
            }
            int[] sizes = sampleCounts(node.get("sampleCounts"));
            int steps = whole(node, "steps", ParameterLimits.PAIR_STEPS);
            int channels = whole(node, "channels", ParameterLimits.PAIR_CHANNELS);
            return new DenoiserParameters(data.textValue(), sizes, steps, channels,
                    seed(node.get("seed")));
        }

        private int[] sampleCounts(JsonNode node) throws PresetException {
            String field = "parameters.sampleCounts";
            int most = ParameterLimits.PAIR_MAX_SIZES;
            if (!node.isArray()) {
                throw problem(field, "must be a list of 1 to " + most + " whole numbers, e.g."
                        + " [1, 16, 4096], got " + kind(node));
            }
            if (node.size() < 1 || node.size() > most) {
                throw problem(field, "must hold 1 to " + most + " sizes, got " + node.size());
            }
            Range range = ParameterLimits.PAIR_SAMPLE_COUNT;
            int[] values = new int[node.size()];
            for (int k = 0; k < values.length; k++) {
                JsonNode item = node.get(k);
                String name = field + "[" + k + "]";
                if (!item.isIntegralNumber()) {
                    throw problem(name, "must be a whole number in " + range.text() + ", got "
                            + (item.isNumber() ? shorten(item) : kind(item)));
                }
                if (!item.canConvertToInt() || !range.contains(item.intValue())) {
                    throw problem(name, "must be in " + range.text() + ", got " + shorten(item));
                }
                values[k] = item.intValue();
                for (int j = 0; j < k; j++) {
                    if (values[j] == values[k]) {
                        throw problem(name, "N = " + values[k] + " is already in the list");
                    }
                }
            }
            return values;
        }

        private DataParameters.Kind dataKind(JsonNode node) throws PresetException {
            List<String> keys = new ArrayList<>();
            for (DataParameters.Kind kind : DataParameters.Kind.values()) {
                keys.add(kind.key());
            }
            DataParameters.Kind kind = node.isTextual()
                    ? DataParameters.Kind.ofKey(node.textValue()) : null;
            if (kind == null) {
                throw problem("parameters.kind", "must be one of " + String.join(", ", keys)
                        + ", got " + kind(node));
            }
            return kind;
        }

        private void requirePresent(JsonNode node, List<String> required,
                                    DataParameters.Kind kind) throws PresetException {
            List<String> missing = new ArrayList<>();
            for (String name : required) {
                if (!node.has(name)) {
                    missing.add("parameters." + name);
                }
            }
            if (!missing.isEmpty()) {
                String forKind = kind == null ? "" : " (kind " + kind.key() + " needs it)";
                throw problem(missing.get(0), "missing" + forKind + (missing.size() > 1
                        ? "; also missing: " + String.join(", ", missing.subList(1,
                        missing.size())) : ""));
            }
        }

        private String datasetPath(JsonNode node) throws PresetException {
            String field = "parameters.dataset";
            if (!node.isTextual()) {
                throw problem(field, "must be a string (a path, or "
                        + DatasetCatalog.FASHION_MNIST + "), got " + kind(node));
            }
            String path = node.textValue().strip();
            if (path.length() > MAX_DATASET_PATH || path.chars().anyMatch(c -> c < 0x20)) {
                throw problem(field, "must be a path of at most " + MAX_DATASET_PATH
                        + " characters without control characters");
            }
            return path;
        }

        private long seed(JsonNode seed) throws PresetException {
            if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
                throw problem("parameters.seed", "must be a whole number that fits in 64 bits,"
                        + " got " + shorten(seed));
            }
            return seed.longValue();
        }

        private double[] spikeStrengths(JsonNode node) throws PresetException {
            String field = "parameters.beta";
            if (!node.isArray()) {
                throw problem(field, "must be a list of 1 to " + ExplorerParameters.MAX_SPIKES
                        + " numbers, e.g. [0.7, 1.5], got " + kind(node));
            }
            if (node.size() < 1 || node.size() > ExplorerParameters.MAX_SPIKES) {
                throw problem(field, "must hold 1 to " + ExplorerParameters.MAX_SPIKES
                        + " numbers, got " + node.size());
            }
            double[] values = new double[node.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = checkReal(node.get(k), field + "[" + k + "]",
                        ParameterLimits.SPIKE_STRENGTH);
            }
            return values;
        }

        private double real(JsonNode object, String field, Range range)
                throws PresetException {
            return checkReal(object.get(field), "parameters." + field, range);
        }

        private double checkReal(JsonNode node, String field, Range range)
                throws PresetException {
            if (!node.isNumber()) {
                throw problem(field, "must be a number, got " + kind(node));
            }
            double value = node.doubleValue();
            if (!range.contains(value)) {
                throw problem(field, "must be in " + range.text() + ", got " + shorten(node));
            }
            return value;
        }

        private int whole(JsonNode object, String field, Range range) throws PresetException {
            JsonNode node = object.get(field);
            String name = "parameters." + field;
            if (!node.isIntegralNumber()) {
                throw problem(name, "must be a whole number in " + range.text() + ", got "
                        + (node.isNumber() ? shorten(node) : kind(node)));
            }
            if (!node.canConvertToInt() || !range.contains(node.intValue())) {
                throw problem(name, "must be in " + range.text() + ", got " + shorten(node));
            }
            return node.intValue();
        }

        private static String kind(JsonNode node) {
            if (node.isTextual()) {
                return "the string " + shorten(node);
            }
            if (node.isNull()) {
                return "null";
            }
            if (node.isArray()) {
                return "a list";
            }
            if (node.isObject()) {
                return "an object";
            }
            if (node.isBoolean()) {
                return node.toString();
            }
            return shorten(node);
        }

        private static String shorten(JsonNode node) {
            String text = node.toString();
            return text.length() <= 40 ? text : text.substring(0, 37) + "...";
        }
    }
}
