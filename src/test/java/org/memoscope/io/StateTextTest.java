package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memoscope.model.ExplorerParameters;

class StateTextTest {

    private static final String DEFAULTS_TEXT =
            "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1";

    @Test
    void writesTheDefaultsShortly() {
        assertEquals(DEFAULTS_TEXT, StateText.format(ExplorerParameters.DEFAULTS));
        assertEquals(ExplorerParameters.DEFAULTS, StateText.parse(DEFAULTS_TEXT));
    }

    @Test
    void doublesComeBackToTheSameBits() {
        double awkward = 0.1 + 0.2;
        ExplorerParameters p = new ExplorerParameters(awkward, 1234, new double[] {
            Math.PI, 1e-4, 0.7, Math.nextUp(1.0), 10}, Math.ulp(1.0), 512, 20, Long.MIN_VALUE);

        String text = StateText.format(p);
        ExplorerParameters back = StateText.parse(text);

        assertTrue(text.contains("gamma=0.30000000000000004"), text);
        assertTrue(text.contains("1e-4"), text);
        assertEquals(p, back);
        assertEquals(Double.doubleToRawLongBits(awkward),
                Double.doubleToRawLongBits(back.loadRatio()));
        assertArrayEquals(p.spikeStrengths(), back.spikeStrengths(), 0.0);
        assertEquals(StateText.format(back), text, "formatting is a fixed point");
    }

    @Test
    void randomStatesRoundTripExactly() {
        Random random = new Random(20261204L);
        for (int trial = 0; trial < 2000; trial++) {
            double[] beta = new double[1 + random.nextInt(ExplorerParameters.MAX_SPIKES)];
            for (int k = 0; k < beta.length; k++) {
                beta[k] = 10 * random.nextDouble();
            }
            ExplorerParameters p = new ExplorerParameters(
                    Math.pow(10, -2 + 4 * random.nextDouble()), 50 + random.nextInt(3951), beta,
                    10 * random.nextDouble(), 1 + random.nextInt(512), 1 + random.nextInt(20),
                    random.nextLong());
            assertEquals(p, StateText.parse(StateText.format(p)), StateText.format(p));
        }
    }

    @Test
    void readsKeysInAnyOrderWithSpacesAroundEntriesAndAnExplicitView() {
        ExplorerParameters p = StateText.parse("  memoscope:v1; seed=-7 ;reps=3;seeds=10;"
                + "lambda=0.5;beta=1e-1,2.5E0;d=60;gamma=2;view=spiked\n");
        assertEquals(new ExplorerParameters(2, 60, new double[] {0.1, 2.5}, 0.5, 10, 3, -7), p);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "gamma=1;d=500|start with 'memoscope:v1;'",
        "memoscope:v2;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|newer Memoscope",
        "memoscope:vx;gamma=1|version must be a whole number",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2|'seed' is missing",
        "memoscope:v1;gamma=abc|gamma must be a decimal",
        "memoscope:v1;seed=1;reps=0|reps must be in 1..20",
        "memoscope:v1;gamma=1|'d' is missing",
        "memoscope:v1;gamma=1;gamma=2;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|given twice",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1;x=3|unknown key 'x'",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1;view=data|a state of the data view, not of the spiked view",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1;;|entry 8",
        "memoscope:v1;gamma=1000;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|gamma must be in 0.01..100",
        "memoscope:v1;gamma=NaN;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|gamma must be a decimal",
        "memoscope:v1;gamma=1d;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|gamma must be a decimal",
        "memoscope:v1;gamma=0x1p0;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1|gamma must be a decimal",
        "memoscope:v1;gamma=1;d=500.0;beta=2;lambda=0;seeds=64;reps=2;seed=1|d must be a whole number",
        "memoscope:v1;gamma=1;d=49;beta=2;lambda=0;seeds=64;reps=2;seed=1|d must be in 50..4000",
        "memoscope:v1;gamma=1;d=500;beta=2,,1;lambda=0;seeds=64;reps=2;seed=1|beta must be a decimal",
        "memoscope:v1;gamma=1;d=500;beta=1,2,3,4,5,6;lambda=0;seeds=64;reps=2;seed=1|at most 5",
        "memoscope:v1;gamma=1;d=500;beta=-1;lambda=0;seeds=64;reps=2;seed=1|beta must be in 0..10",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=11;seeds=64;reps=2;seed=1|lambda must be in 0..10",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=0;reps=2;seed=1|seeds must be in 1..512",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=21;seed=1|reps must be in 1..20",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=9223372036854775808|64 bits",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed=1.5|64 bits",
        "memoscope:v1;gamma=1;d=500;beta=2;lambda=0;seeds=64;reps=2;seed|entry 7 should read key=value",
    })
    void refusesWithAMessageNamingTheProblem(String text, String expected) {
        StateTextException error = assertThrows(StateTextException.class,
                () -> StateText.parse(text));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @Test
    void refusesAnOverlongText() {
        String text = "memoscope:v1;" + "x".repeat(2000);
        StateTextException error = assertThrows(StateTextException.class,
                () -> StateText.parse(text));
        assertTrue(error.getMessage().contains("too long"), error.getMessage());
    }

    @Test
    void numbersAreShortAndExact() {
        assertEquals("2", StateText.number(2.0));
        assertEquals("0.5", StateText.number(0.5));
        assertEquals("1e-4", StateText.number(1e-4));
        assertEquals("1.5e10", StateText.number(1.5e10));
        assertEquals("0.30000000000000004", StateText.number(0.1 + 0.2));
        for (double v : new double[] {Double.MIN_VALUE, Double.MAX_VALUE, 1.0 / 3, 123456.789}) {
            assertEquals(v, Double.parseDouble(StateText.number(v)), 0.0);
        }
    }
}
