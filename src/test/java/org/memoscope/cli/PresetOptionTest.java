package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.memoscope.io.PresetJson;
import org.memoscope.io.StateText;
import org.memoscope.model.Preset;

/** {@code --preset}, {@code --state} and {@code --format} on curves and render. */
class PresetOptionTest {

    @TempDir
    Path directory;

    static List<Path> presetFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("presets"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presetFiles")
    void everyPresetRendersHeadlessByNameAndByPath(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".json", "");
        Path byName = directory.resolve(name + ".png");
        Path byPath = directory.resolve(name + "-file.png");
        Preset preset = PresetJson.read(file);
        if (!preset.isSpiked()) {
            refusedCleanly(name, preset.view(), byName);
            return;
        }

        CliRun named = CliRun.of("render", "--preset", name, "--width", "400", "--height",
                "300", "-o", byName.toString());
        CliRun path = CliRun.of("render", "--preset", file.toString(), "--width", "400",
                "--height", "300", "-o", byPath.toString());

        assertEquals(0, named.exitCode(), named.describe());
        assertEquals("", named.err());
        assertEquals(0, path.exitCode(), path.describe());
        BufferedImage image = ImageIO.read(byName.toFile());
        assertEquals(400, image.getWidth());
        assertArrayEquals(Files.readAllBytes(byName), Files.readAllBytes(byPath));
    }

    /**
     * A preset of the data or denoiser view: render and curves say what to run instead (the
     * data or the pair command), write nothing.
     */
    private void refusedCleanly(String name, String view, Path output) {
        for (String command : List.of("render", "curves")) {
            CliRun run = CliRun.of(command, "--preset", name, "-o", output.toString());

            assertEquals(2, run.exitCode(), run.describe());
            assertEquals(1, run.errLines().length, run.err());
            String line = run.errLines()[0];
            assertTrue(line.contains("is a preset of the '" + view + "' view"), line);
            assertTrue(line.contains("memoscope app --preset " + name), line);
            assertTrue(line.contains(view.equals(Preset.DENOISER_VIEW)
                    ? "memoscope pair --data " : "memoscope data --data "), line);
            assertFalse(Files.exists(output));
        }
    }

    @Test
    void theDataCommandThatADataPresetSuggestsRunsItsData() throws IOException {
        CliRun refused = CliRun.of("render", "--preset", "powerlaw-fields-alpha3", "-o", "-");
        String line = refused.errLines()[0];
        String options = line.substring(line.indexOf("memoscope data ") + "memoscope data "
                .length(), line.indexOf(" --n <n>"));

        List<String> arguments = new java.util.ArrayList<>(List.of("data"));
        arguments.addAll(List.of(options.split(" ")));
        arguments.addAll(List.of("--n", "16,32"));
        CliRun data = CliRun.of(arguments.toArray(String[]::new));

        assertEquals(0, data.exitCode(), data.describe());
        assertTrue(data.out().contains("# source: power-law field 16x16 alpha=3.00"), data.out());
        assertTrue(data.out().contains("seeds = 32, repetitions = 1, seed = 1"), data.out());
    }

    @Test
    void aDenoiserPresetPointsToThePairCommandWithItsOptions() {
        CliRun refused = CliRun.of("curves", "--preset", "denoiser-small-vs-large");

        assertEquals(2, refused.exitCode(), refused.describe());
        assertEquals(1, refused.errLines().length, refused.err());
        assertTrue(refused.errLines()[0].contains("'memoscope pair --data fashion-mnist"
                + " --n 1,16,4096 --steps 2000 --channels 16 --seed 1'"), refused.err());
    }

    /** A denoiser or data state text gets the same pointer as a preset of its view. */
    @Test
    void aDenoiserOrDataStatePointsToItsCommand() {
        CliRun denoiser = CliRun.of("render", "--state",
                "memoscope:v1;view=denoiser;data=powerlaw;n=1,16;steps=500;channels=4;seed=1",
                "-o", "unused.png");
        assertEquals(2, denoiser.exitCode(), denoiser.describe());
        assertTrue(denoiser.err().contains("'memoscope pair --data powerlaw --n 1,16 --steps 500"
                + " --channels 4 --seed 1'"), denoiser.err());

        CliRun badValue = CliRun.of("curves", "--state",
                "memoscope:v1;view=denoiser;data=powerlaw;n=1;steps=x;channels=4;seed=1");
        assertEquals(2, badValue.exitCode(), badValue.describe());
        assertTrue(badValue.err().contains("steps must be a whole number"), badValue.err());

        CliRun data = CliRun.of("curves", "--state", StateText.format(
                org.memoscope.model.DataParameters.DEFAULTS));
        assertEquals(2, data.exitCode(), data.describe());
        assertTrue(data.err().contains("run 'memoscope data "), data.err());
    }

    @Test
    void presetsListsTheDenoiserPresets() {
        CliRun run = CliRun.of("presets");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains(
                "denoiser-small-vs-large\tDenoiser pair at small versus large N\n"), run.out());
        assertTrue(run.out().contains("denoiser-powerlaw-fast\t"), run.out());
    }

    @Test
    void aPresetsCursorAndSpikesReachTheChart() throws IOException {
        Preset preset = PresetJson.read(Path.of("presets", "three-spikes.json"));
        CliRun run = CliRun.of("render", "--preset", "three-spikes", "--format", "csv",
                "--points", "5", "-o", "-");

        assertEquals(0, run.exitCode(), run.describe());
        String csv = run.out();
        assertTrue(csv.contains("# memoscope state: "
                + StateText.format(preset.parameters())), csv);
        assertTrue(csv.contains("Q3  latent recovery (β3),line,"), csv);
    }

    @Test
    void aStateTextGivesTheSameNumbersAsTheSameOptions() {
        String state = "memoscope:v1;gamma=0.3;d=80;beta=2,0.5;lambda=0.1;seeds=4;reps=1;seed=7";
        CliRun fromState = CliRun.of("curves", "--state", state, "--simulate", "--points", "5");
        CliRun fromOptions = CliRun.of("curves", "-d", "80", "--beta", "2,0.5", "--lambda",
                "0.1", "--seeds", "4", "--repetitions", "1", "--seed", "7", "--simulate",
                "--points", "5");

        assertEquals(0, fromState.exitCode(), fromState.describe());
        assertEquals(fromOptions.out(), fromState.out(), "bit for bit the same table");
    }

    @Test
    void optionsBesideAPresetReplaceItsValues() {
        CliRun run = CliRun.of("render", "--preset", "weak-spike", "--beta", "3", "--gamma",
                "0.2", "--format", "csv", "--points", "3", "-o", "-");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains(
                "# memoscope state: memoscope:v1;gamma=0.2;d=500;beta=3;lambda=0;"), run.out());
    }

    @Test
    void svgByFileNameIsWellFormed() throws Exception {
        Path file = directory.resolve("chart.svg");
        CliRun run = CliRun.of("render", "--preset", "strong-spike", "-o", file.toString());

        assertEquals(0, run.exitCode(), run.describe());
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(file.toFile());
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertTrue(Files.readString(file).contains(">load  γ = n / d</text>"));
    }

    @Test
    void pngToStandardOutputStaysPngWithoutAFileName() throws IOException {
        CliRun run = CliRun.of("render", "--state", StateText.format(
                org.memoscope.model.ExplorerParameters.DEFAULTS), "--width", "300", "--height",
                "200", "--scale", "2", "-o", "-");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(run.outBytes()));
        assertEquals(600, image.getWidth());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "garbage|{\"version\": 1,, oops|not valid JSON at line 1",
        "missing-field|{\"version\": 1, \"view\": \"spiked\", \"title\": \"t\", \"parameters\": {}}"
                + "|explanation: missing",
        "future|{\"version\": 7, \"view\": \"hologram\"}|version: 7 comes from a newer Memoscope",
        "wrong-type|{\"version\": 1, \"view\": \"spiked\", \"title\": \"t\", \"explanation\": \"e\","
                + " \"parameters\": {\"gamma\": 1, \"dimension\": \"500\", \"beta\": [1],"
                + " \"lambda\": 0, \"seeds\": 1, \"repetitions\": 1, \"seed\": 1}}"
                + "|parameters.dimension: must be a whole number",
    })
    void aBadPresetFileIsAUsageErrorNamingTheFile(String name, String content, String problem)
            throws IOException {
        Path preset = Files.writeString(directory.resolve(name + ".json"), content);
        Path output = directory.resolve("out.png");
        for (String command : List.of("render", "curves")) {
            CliRun run = CliRun.of(command, "--preset", preset.toString(), "-o",
                    output.toString());

            assertEquals(2, run.exitCode(), run.describe());
            assertEquals(1, run.errLines().length, run.err());
            String line = run.errLines()[0];
            assertTrue(line.startsWith("memoscope: --preset: " + preset + ": " + problem), line);
            assertFalse(Files.exists(output));
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "--preset|no-such-preset|no such built-in preset",
        "--state|memoscope:v9;gamma=1|newer Memoscope",
        "--state|memoscope:v1;gamma=1|key 'd' is missing",
        "--format|tiff|--format must be one of png, svg, csv",
    })
    void badPresetStateOrFormatIsAUsageError(String option, String value, String problem) {
        Path output = directory.resolve("out.png");
        CliRun run = CliRun.of("render", option, value, "-o", output.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].contains(problem), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void presetAndStateTogetherAreRefused() {
        CliRun run = CliRun.of("curves", "--preset", "ridge", "--state",
                StateText.format(org.memoscope.model.ExplorerParameters.DEFAULTS));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("cannot be given together"), run.err());
    }

    @Test
    void presetsCommandListsTheBuiltIns() {
        CliRun run = CliRun.of("presets");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("weak-spike\tLatent recovery after convergence"),
                run.out());
        assertEquals(presetCount(), run.out().strip().split("\n").length);
    }

    private static long presetCount() {
        try {
            return presetFiles().size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
