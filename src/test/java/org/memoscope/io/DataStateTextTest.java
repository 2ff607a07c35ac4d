package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memoscope.model.DataParameters;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;

/** The state text of the "Spectra and data" view ({@code view=data}). */
class DataStateTextTest {

    @Test
    void theDefaultsReadAsDocumented() {
        assertEquals("memoscope:v1;view=data;kind=field;alpha=2;side=16;d=1024;dataset=;gamma=1;"
                + "seeds=32;reps=1;factors=3;seed=1", StateText.format(DataParameters.DEFAULTS));
    }

    @Test
    void randomStatesComeBackBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        DataParameters.Kind[] kinds = DataParameters.Kind.values();
        for (int i = 0; i < 2000; i++) {
            DataParameters p = new DataParameters(kinds[random.nextInt(kinds.length)],
                    4 * random.nextDouble(), 8 + random.nextInt(57), 16 + random.nextInt(4081),
                    random.nextBoolean() ? "" : "/data/set " + i + ";%é ",
                    Math.pow(10, -3 + 5 * random.nextDouble()), 2 + random.nextInt(255),
                    1 + random.nextInt(20), 1 + random.nextInt(5), random.nextLong());

            String text = StateText.format(p);
            DataParameters back = StateText.parseData(text);

            assertEquals(p, back, text);
            assertEquals(Double.doubleToRawLongBits(p.loadRatio()),
                    Double.doubleToRawLongBits(back.loadRatio()));
            assertEquals(Preset.DATA_VIEW, StateText.viewOf(text));
            assertTrue(text.chars().allMatch(c -> c > 0x20 && c < 0x7f), text);
        }
    }

    @Test
    void theViewDecidesWhichReaderAccepts() {
        String data = StateText.format(DataParameters.DEFAULTS);
        String spiked = StateText.format(ExplorerParameters.DEFAULTS);

        assertEquals("spiked", StateText.viewOf(spiked));
        StateTextException wrong = assertThrows(StateTextException.class,
                () -> StateText.parse(data));
        assertTrue(wrong.getMessage().contains("a state of the data view, not of the spiked"),
                wrong.getMessage());
        assertThrows(StateTextException.class, () -> StateText.parseData(spiked));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "kind=pixels|kind must be field, spectrum or dataset",
        "alpha=5|alpha must be in 0..4",
        "side=7|side must be in 8..64",
        "d=16.0|d must be a whole number",
        "gamma=1e-4|gamma must be in 0.001..100",
        "seeds=1|seeds must be in 2..256",
        "factors=0|factors must be in 1..5",
        "dataset=%4|dataset has a '%' not followed by two hexadecimal digits",
        "dataset=%0A|dataset holds a control character",
        "dataset=%FF|dataset is not UTF-8 text",
        "lambda=0|unknown key 'lambda'",
        "view=denoiser|a state of the denoiser view, not of the data view",
        "view=sampler|view 'sampler' is not known",
    })
    void aBadEntryIsRefusedNamingIt(String entry, String problem) {
        String key = entry.substring(0, entry.indexOf('='));
        String good = StateText.format(DataParameters.DEFAULTS);
        String text = good.contains(";" + key + "=")
                ? good.replaceFirst(";" + key + "=[^;]*", ";" + entry) : good + ";" + entry;

        StateTextException refused = assertThrows(StateTextException.class,
                () -> StateText.parseData(text));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void aMissingOrRepeatedKeyIsRefused() {
        String good = StateText.format(DataParameters.DEFAULTS);
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseData(
                good.replace(";side=16", ""))).getMessage().contains("key 'side' is missing"));
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseData(
                good + ";seed=2")).getMessage().contains("key 'seed' is given twice"));
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseData(
                good + ";view=data")).getMessage().contains("key 'view' is given twice"));
    }
}
