package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.model.DataParameters;
import org.memoscope.model.Preset;

/** Presets of the "Spectra and data" view: format, strict reading, the built-in ones. */
class DataPresetTest {

    private static final String HEAD = "{\"version\": 1, \"view\": \"data\", \"title\": \"t\","
            + " \"explanation\": \"e\", \"parameters\": {";
    private static final String COMMON =
            "\"gamma\": 0.5, \"seeds\": 8, \"repetitions\": 1, \"factors\": 2, \"seed\": -3";

    @Test
    void everyFieldRoundTripsBitForBit() throws PresetException {
        DataParameters odd = new DataParameters(DataParameters.Kind.POWER_LAW_SPECTRUM,
                0.1 + 0.2, 33, 999, "/tmp/my images;%", 1.0 / 3, 17, 4, 5, Long.MIN_VALUE);
        Preset preset = Preset.data("Odd", "Every value unusual.", odd);

        Preset back = PresetJson.parse(PresetJson.format(preset), "text");

        assertEquals(preset, back);
        assertEquals(Double.doubleToRawLongBits(odd.exponent()),
                Double.doubleToRawLongBits(back.dataParameters().exponent()));
        assertEquals(Preset.DATA_VIEW, back.view());
    }

    @Test
    void onlyTheKindsOwnFieldsAreRequiredAndTheOthersKeepTheirDefaults()
            throws PresetException {
        Preset field = PresetJson.parse(HEAD + "\"kind\": \"field\", \"alpha\": 3, \"side\": 12, "
                + COMMON + "}}", "field");
        DataParameters p = field.dataParameters();

        assertEquals(DataParameters.Kind.POWER_LAW_FIELD, p.kind());
        assertEquals(3, p.exponent(), 0.0);
        assertEquals(12, p.imageSide());
        assertEquals(DataParameters.DEFAULTS.dimension(), p.dimension());
        assertEquals("", p.datasetPath());
        assertEquals(-3, p.seed());

        Preset fashion = PresetJson.parse(HEAD + "\"kind\": \"dataset\", \"dataset\": \""
                + DatasetCatalog.FASHION_MNIST + "\", " + COMMON + "}}", "fashion");
        assertEquals(DatasetCatalog.FASHION_MNIST, fashion.dataParameters().datasetPath());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown field|\"kind\": \"field\", \"alpha\": 1, \"side\": 16, \"beta\": [1], "
                + "|parameters.beta: unknown field",
        "missing own field|\"kind\": \"field\", \"alpha\": 1, "
                + "|parameters.side: missing (kind field needs it)",
        "missing kind|\"alpha\": 1, |parameters.kind: missing",
        "bad kind|\"kind\": \"hologram\", |parameters.kind: must be one of field, spectrum,"
                + " dataset",
        "alpha out of range|\"kind\": \"spectrum\", \"alpha\": 4.5, \"dimension\": 64, "
                + "|parameters.alpha: must be in 0..4",
        "side not whole|\"kind\": \"field\", \"alpha\": 1, \"side\": 16.5, "
                + "|parameters.side: must be a whole number in 8..64",
        "dimension too small|\"kind\": \"spectrum\", \"alpha\": 1, \"dimension\": 8, "
                + "|parameters.dimension: must be in 16..4096",
        "dataset not text|\"kind\": \"dataset\", \"dataset\": 7, "
                + "|parameters.dataset: must be a string",
    })
    void badDataParametersAreRefusedNamingTheField(String name, String fields, String problem) {
        PresetException refused = assertThrows(PresetException.class,
                () -> PresetJson.parse(HEAD + fields + COMMON + "}}", "bad.json"));
        assertTrue(refused.getMessage().startsWith("bad.json: " + problem),
                refused.getMessage());
    }

    @Test
    void theRangesOfTheCommonFieldsAreTheDataViewsOwn() {
        for (String bad : List.of("\"gamma\": 0.0001", "\"gamma\": 101", "\"seeds\": 1",
                "\"seeds\": 257", "\"factors\": 6", "\"repetitions\": 0")) {
            String key = bad.substring(1, bad.indexOf('"', 1));
            String json = HEAD + "\"kind\": \"field\", \"alpha\": 1, \"side\": 16, "
                    + COMMON.replaceFirst("\"" + key + "\": [-0-9.]+", bad) + "}}";
            PresetException refused = assertThrows(PresetException.class,
                    () -> PresetJson.parse(json, "p"), bad);
            assertTrue(refused.getMessage().contains("parameters." + key + ": must be in"),
                    refused.getMessage());
        }
    }

    @Test
    void anUnknownViewNamesTheViewsThereAre() {
        PresetException refused = assertThrows(PresetException.class, () -> PresetJson.parse(
                "{\"version\": 1, \"view\": \"lattice\", \"title\": \"t\", \"explanation\":"
                        + " \"e\", \"parameters\": {}}", "p"));
        assertTrue(refused.getMessage().contains("'lattice' is not a view this Memoscope has"
                + " (it has: spiked, data, denoiser)"), refused.getMessage());
    }

    @Test
    void theBuiltInDataPresetsAreThereAndDiffer() throws PresetException {
        DataParameters flat = PresetCatalog.builtIn("powerlaw-fields-alpha1").dataParameters();
        DataParameters steep = PresetCatalog.builtIn("powerlaw-fields-alpha3").dataParameters();
        DataParameters fashion = PresetCatalog.builtIn("fashion-mnist").dataParameters();

        assertEquals(DataParameters.Kind.POWER_LAW_FIELD, flat.kind());
        assertEquals(1, flat.exponent(), 0.0);
        assertEquals(3, steep.exponent(), 0.0);
        assertEquals(flat.withExponent(3), steep, "only the exponent differs");
        assertEquals(DataParameters.Kind.DATASET, fashion.kind());
        assertEquals(DatasetCatalog.FASHION_MNIST, fashion.datasetPath());
    }

    @Test
    void aDataPresetHasNoSpikedParameters() throws PresetException {
        Preset preset = PresetCatalog.builtIn("powerlaw-fields-alpha3");
        IllegalStateException wrongView = assertThrows(IllegalStateException.class,
                preset::parameters);
        assertTrue(wrongView.getMessage().contains("is for the data view"));
    }
}
