package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;

class PresetJsonTest {

    private static final String VALID = """
            {
              "version": 1,
              "view": "spiked",
              "title": "A title",
              "explanation": "What to look for.",
              "parameters": {
                "gamma": 0.5, "dimension": 300, "beta": [0.7, 1.5, 4], "lambda": 0.25,
                "seeds": 32, "repetitions": 3, "seed": -12
              }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void readsEveryField() throws PresetException {
        Preset preset = PresetJson.parse(VALID, "test.json");

        assertEquals("A title", preset.title());
        assertEquals("What to look for.", preset.explanation());
        assertEquals(Preset.SPIKED_VIEW, preset.view());
        assertEquals(new ExplorerParameters(0.5, 300, new double[] {0.7, 1.5, 4}, 0.25, 32, 3,
                -12), preset.parameters());
    }

    @Test
    void writesAFileThatReadsBackExactly() throws IOException {
        ExplorerParameters p = new ExplorerParameters(0.1 + 0.2, 777, new double[] {Math.PI, 2},
                1.0 / 3, 5, 1, Long.MAX_VALUE);
        Preset preset = Preset.spiked("Saved “state” γ", "Line one.\nLine two.", p);
        Path file = directory.resolve("saved.json");

        PresetJson.write(file, preset);

        assertEquals(preset, PresetJson.read(file));
        assertArrayEquals(new String[] {"saved.json"}, directory.toFile().list());
        assertTrue(Files.readString(file).contains("\"version\": 1"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all|not valid JSON at line 1",
        "{\"version\": 1,,}|not valid JSON at line 1, column 15",
        "[1, 2]|a preset is a JSON object",
        "''|a preset is a JSON object",
        "{\"version\": 1} {}|not valid JSON",
        "{\"version\": 2, \"anything\": true}|version: 2 comes from a newer Memoscope",
        "{\"version\": \"1\"}|version: must be a whole number",
        "{\"view\": \"spiked\"}|version: missing",
        "{\"version\": 1, \"version\": 1}|not valid JSON",
    })
    void refusesMalformedFiles(String json, String expected) {
        PresetException error = assertThrows(PresetException.class,
                () -> PresetJson.parse(json, "bad.json"));
        assertTrue(error.getMessage().startsWith("bad.json: "), error.getMessage());
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "\"title\": \"A title\",|(nothing)|title: missing",
        "\"view\": \"spiked\",|\"view\": \"spectra\",|view: 'spectra' is not a view",
        "\"title\": \"A title\"|\"title\": 3|title: must be a string",
        "\"title\": \"A title\"|\"title\": \" \"|title: must not be empty",
        "\"version\": 1,|\"version\": 1, \"colour\": \"red\",|colour: unknown field",
        "\"gamma\": 0.5,|\"gamma\": \"0.5\",|parameters.gamma: must be a number, got the string",
        "\"gamma\": 0.5,|\"gamma\": 1000,|parameters.gamma: must be in 0.01..100",
        "\"gamma\": 0.5,|\"gamma\": null,|parameters.gamma: must be a number, got null",
        "\"gamma\": 0.5,|(nothing)|parameters.gamma: missing",
        "\"dimension\": 300,|\"dimension\": 300.5,|parameters.dimension: must be a whole number",
        "\"dimension\": 300,|\"dimension\": 10,|parameters.dimension: must be in 50..4000",
        "\"beta\": [0.7, 1.5, 4],|\"beta\": 0.7,|parameters.beta: must be a list",
        "\"beta\": [0.7, 1.5, 4],|\"beta\": [],|parameters.beta: must hold 1 to 5",
        "\"beta\": [0.7, 1.5, 4],|\"beta\": [0.7, true],|parameters.beta[1]: must be a number",
        "\"beta\": [0.7, 1.5, 4],|\"beta\": [0.7, 11],|parameters.beta[1]: must be in 0..10",
        "\"lambda\": 0.25,|\"lambda\": -1,|parameters.lambda: must be in 0..10",
        "\"seeds\": 32,|\"seeds\": 513,|parameters.seeds: must be in 1..512",
        "\"repetitions\": 3,|\"repetitions\": 0,|parameters.repetitions: must be in 1..20",
        "\"seed\": -12|\"seed\": 1e3|parameters.seed: must be a whole number",
        "\"seed\": -12|\"seed\": 99999999999999999999|parameters.seed: must be a whole number",
        "\"seed\": -12|\"seed\": -12, \"extra\": 1|parameters.extra: unknown field",
    })
    void refusesAWrongFieldNamingIt(String from, String to, String expected) {
        String json = VALID.replace(from, to.equals("(nothing)") ? "" : to);
        assertFalse(json.equals(VALID), "the test edits the file");
        PresetException error = assertThrows(PresetException.class,
                () -> PresetJson.parse(json, "edited.json"));
        assertTrue(error.getMessage().startsWith("edited.json: " + expected),
                error.getMessage());
    }

    private static final String DENOISER = """
            {
              "version": 1,
              "view": "denoiser",
              "title": "Pair",
              "explanation": "Press Run.",
              "parameters": {
                "data": "powerlaw", "sampleCounts": [16, 1, 256], "steps": 500,
                "channels": 4, "seed": 7
              }
            }
            """;

    @Test
    void readsADenoiserPresetWithItsSizesSorted() throws PresetException {
        Preset preset = PresetJson.parse(DENOISER, "pair.json");

        assertEquals(Preset.DENOISER_VIEW, preset.view());
        assertEquals(new DenoiserParameters("powerlaw", new int[] {1, 16, 256}, 500, 4, 7),
                preset.denoiserParameters());
        assertThrows(IllegalStateException.class, preset::parameters);
        assertThrows(IllegalStateException.class, preset::dataParameters);
    }

    @Test
    void aDenoiserPresetReadsBackExactly() throws IOException {
        Preset preset = Preset.denoiser("Pair “γ”", "Line one.\nLine two.",
                new DenoiserParameters("fashion-mnist", new int[] {1, 16, 4096, 30000}, 100_000,
                        32, Long.MIN_VALUE));
        Path file = directory.resolve("pair.json");

        PresetJson.write(file, preset);

        assertEquals(preset, PresetJson.read(file));
        assertTrue(Files.readString(file).contains("\"sampleCounts\": [ 1,  16,  4096,"),
                Files.readString(file));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "\"data\": \"powerlaw\",|\"data\": \"mnist\",|parameters.data: must be fashion-mnist or powerlaw, got the string",
        "\"data\": \"powerlaw\",|\"data\": 1,|parameters.data: must be fashion-mnist or powerlaw",
        "\"data\": \"powerlaw\",|(nothing)|parameters.data: missing",
        "[16, 1, 256]|16|parameters.sampleCounts: must be a list of 1 to 20",
        "[16, 1, 256]|[]|parameters.sampleCounts: must hold 1 to 20 sizes, got 0",
        "[16, 1, 256]|[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21]|parameters.sampleCounts: must hold 1 to 20 sizes, got 21",
        "[16, 1, 256]|[16, 0]|parameters.sampleCounts[1]: must be in 1..30000",
        "[16, 1, 256]|[16, 30001]|parameters.sampleCounts[1]: must be in 1..30000",
        "[16, 1, 256]|[16, 1.5]|parameters.sampleCounts[1]: must be a whole number",
        "[16, 1, 256]|[16, \"4\"]|parameters.sampleCounts[1]: must be a whole number",
        "[16, 1, 256]|[16, 1, 16]|parameters.sampleCounts[2]: N = 16 is already in the list",
        "\"steps\": 500,|\"steps\": 0,|parameters.steps: must be in 1..1000000",
        "\"steps\": 500,|\"steps\": 1000001,|parameters.steps: must be in 1..1000000",
        "\"steps\": 500,|\"steps\": 5e2,|parameters.steps: must be a whole number",
        "\"channels\": 4,|\"channels\": 65,|parameters.channels: must be in 1..64",
        "\"channels\": 4,|\"channels\": 0,|parameters.channels: must be in 1..64",
        "\"seed\": 7|\"seed\": \"7\"|parameters.seed: must be a whole number",
        "\"channels\": 4, \"seed\": 7|\"channels\": 4|parameters.seed: missing",
        "\"seed\": 7|\"seed\": 7, \"batch\": 64|parameters.batch: unknown field",
        "\"view\": \"denoiser\",|\"view\": \"pair\",|view: 'pair' is not a view",
        "\"version\": 1,|\"version\": 2,|version: 2 comes from a newer Memoscope",
    })
    void refusesAWrongDenoiserFieldNamingIt(String from, String to, String expected) {
        String json = DENOISER.replace(from, to.equals("(nothing)") ? "" : to);
        assertFalse(json.equals(DENOISER), "the test edits the file");
        PresetException error = assertThrows(PresetException.class,
                () -> PresetJson.parse(json, "pair.json"));
        assertTrue(error.getMessage().startsWith("pair.json: " + expected),
                error.getMessage());
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(directory.resolve("latin1.json"),
                new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
        PresetException error = assertThrows(PresetException.class, () -> PresetJson.read(file));
        assertTrue(error.getMessage().contains("latin1.json: not UTF-8"), error.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = directory.resolve("absent.json");
        PresetException error = assertThrows(PresetException.class, () -> PresetJson.read(file));
        assertTrue(error.getMessage().startsWith(file + ": cannot read"), error.getMessage());
    }

    @Test
    void everyBuiltInPresetIsListedAndReads() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(Path.of("presets"))) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertEquals(files, PresetCatalog.builtInNames().stream().sorted()
                .collect(Collectors.toList()), "presets/index.txt lists every preset file");
        assertTrue(files.size() >= 4);
        for (String name : files) {
            Preset builtIn = PresetCatalog.builtIn(name);
            assertEquals(builtIn, PresetJson.read(Path.of("presets", name + ".json")));
            assertEquals(builtIn, PresetCatalog.resolve(name));
            assertTrue(builtIn.explanation().length() > 100, name + " explains what to see");
        }
    }

    @Test
    void theRequiredScenariosAreBuiltIn() throws PresetException {
        assertArrayEquals(new double[] {0.5},
                PresetCatalog.builtIn("weak-spike").parameters().spikeStrengths(), 0.0);
        assertArrayEquals(new double[] {3},
                PresetCatalog.builtIn("strong-spike").parameters().spikeStrengths(), 0.0);
        assertEquals(3, PresetCatalog.builtIn("three-spikes").parameters().spikeCount());
        assertTrue(PresetCatalog.builtIn("ridge").parameters().ridge() > 0);
    }

    @Test
    void resolvesAPathAndRefusesAnUnknownName() throws IOException {
        Path file = Files.writeString(directory.resolve("mine.json"), VALID);
        assertEquals("A title", PresetCatalog.resolve(file.toString()).title());

        PresetException unknown = assertThrows(PresetException.class,
                () -> PresetCatalog.resolve("no-such-preset"));
        assertTrue(unknown.getMessage().contains("weak-spike"), unknown.getMessage());
        PresetException absent = assertThrows(PresetException.class,
                () -> PresetCatalog.resolve(directory.resolve("absent.json").toString()));
        assertTrue(absent.getMessage().contains("no such file"), absent.getMessage());
    }
}
