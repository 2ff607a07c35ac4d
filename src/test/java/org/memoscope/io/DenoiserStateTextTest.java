package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memoscope.model.DataParameters;
import org.memoscope.model.DenoiserParameters;
import org.memoscope.model.ExplorerParameters;

/** The state text of the "Denoiser pair" tab ({@code view=denoiser}). */
class DenoiserStateTextTest {

    private static final DenoiserParameters SMALL =
            new DenoiserParameters("powerlaw", new int[] {256, 1, 16}, 500, 4, 1);

    @Test
    void aStateReadsAsDocumented() {
        assertEquals("memoscope:v1;view=denoiser;data=powerlaw;n=1,16,256;steps=500;channels=4;"
                + "seed=1", StateText.format(SMALL));
    }

    @Test
    void randomStatesComeBack() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2000; i++) {
            TreeSet<Integer> sizes = new TreeSet<>();
            int count = 1 + random.nextInt(20);
            while (sizes.size() < count) {
                sizes.add(1 + random.nextInt(30_000));
            }
            DenoiserParameters p = new DenoiserParameters(
                    random.nextBoolean() ? "fashion-mnist" : "powerlaw",
                    sizes.stream().mapToInt(Integer::intValue).toArray(),
                    10 + random.nextInt(99_991), 1 + random.nextInt(32), random.nextLong());

            String text = StateText.format(p);

            assertEquals(p, StateText.parseDenoiser(text), text);
            assertEquals("denoiser", StateText.viewOf(text));
            assertTrue(text.chars().allMatch(c -> c > 0x20 && c < 0x7f), text);
        }
    }

    @Test
    void orderAndSpaceDoNotMatter() {
        assertEquals(SMALL, StateText.parseDenoiser(" memoscope:v1; seed=1 ;channels=4;"
                + "steps=500;n=16,256,1;data=powerlaw;view=denoiser "));
    }

    @Test
    void otherViewsAreNotReadAsDenoiserStatesNorTheReverse() {
        String denoiser = StateText.format(SMALL);
        assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                StateText.format(ExplorerParameters.DEFAULTS)));
        assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                StateText.format(DataParameters.DEFAULTS)));
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parse(denoiser))
                .getMessage().contains("a state of the denoiser view, not of the spiked"));
        assertThrows(StateTextException.class, () -> StateText.parseData(denoiser));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "data=mnist|data must be fashion-mnist or powerlaw",
        "n=|n must be a whole number",
        "n=1,,4|n must be a whole number",
        "n=0,4|n must be in 1..30000",
        "n=30001|n must be in 1..30000",
        "n=4,1,4|n lists 4 twice",
        "n=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21|at most 20 are allowed",
        "n=1.5|n must be a whole number",
        "steps=0|steps must be in 1..1000000",
        "steps=-5|steps must be a whole number",
        "channels=65|channels must be in 1..64",
        "channels=0|channels must be in 1..64",
        "seed=x|seed must be a whole number",
        "seed=99999999999999999999|seed must be a whole number that fits in 64 bits",
        "gamma=1|unknown key 'gamma'",
    })
    void aBadEntryIsRefusedNamingIt(String entry, String problem) {
        String key = entry.substring(0, entry.indexOf('='));
        String good = StateText.format(SMALL);
        String text = good.contains(";" + key + "=")
                ? good.replaceFirst(";" + key + "=[^;]*", ";" + entry) : good + ";" + entry;

        StateTextException refused = assertThrows(StateTextException.class,
                () -> StateText.parseDenoiser(text));
        assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }

    @Test
    void aMissingOrRepeatedKeyIsRefused() {
        String good = StateText.format(SMALL);
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                good.replace(";steps=500", ""))).getMessage().contains("key 'steps' is missing"));
        String badValueAndMissingKey = good.replace(";steps=500", "").replace("channels=",
                "channels=x");
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                badValueAndMissingKey)).getMessage().contains("channels must be a whole"),
                "a bad value is reported before a missing key");
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                good + ";n=2")).getMessage().contains("key 'n' is given twice"));
        assertTrue(assertThrows(StateTextException.class, () -> StateText.parseDenoiser(
                "memoscope:v2;view=denoiser")).getMessage().contains("newer Memoscope"));
    }
}
