package org.memoscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.Preset;

/**
 * Fault suite, presets and state text: seeded random corruptions of every built-in preset
 * file and of state texts (truncations, flipped, inserted and appended characters), plus
 * hostile JSON (nesting a hundred thousand deep, numbers beyond double range, a newer
 * version carrying fields this version does not know). Each read either gives a preset or
 * state that reads back to itself, or fails with {@link PresetException} /
 * {@link StateTextException} naming the problem; no other exception escapes, and the file
 * read is left byte-identical.
 */
class CorruptedPresetTest {

    private static final int MUTANTS = 300;

    @TempDir
    Path directory;

    @Test
    void corruptedPresetFilesFailWithAPresetException() throws IOException {
        SplittableRandom random = new SplittableRandom(5L);
        Path file = directory.resolve("mutant.json");
        int read = 0;
        for (String name : PresetCatalog.builtInNames()) {
            byte[] valid = PresetJson.format(PresetCatalog.builtIn(name))
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS / Math.max(1, PresetCatalog.builtInNames().size()) + 20;
                 i++) {
                byte[] mutant = mutate(random, valid);
                Files.write(file, mutant);
                try {
                    Preset preset = PresetJson.read(file);
                    assertEquals(preset, PresetJson.parse(PresetJson.format(preset), "again"));
                } catch (PresetException refused) {
                    assertTrue(refused.getMessage().contains("mutant.json: "),
                            refused.getMessage());
                } catch (RuntimeException | Error escaped) {
                    fail("mutant " + i + " of preset " + name + " gave " + escaped + ":\n"
                            + new String(mutant, StandardCharsets.UTF_8), escaped);
                }
                assertArrayEquals(mutant, Files.readAllBytes(file));
                read++;
            }
        }
        assertTrue(read >= MUTANTS, "read " + read);
    }

    @Test
    void hostileJsonIsRefusedNotCrashedOn() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String deepInside = "{\"version\": 1, \"parameters\": " + "{\"a\": ".repeat(50_000)
                + "1" + "}".repeat(50_000) + "}";
        String hugeNumber = "{\"version\": 1, \"view\": \"spiked\", \"title\": \"t\","
                + " \"explanation\": \"e\", \"parameters\": {\"gamma\": 1e999999,"
                + " \"dimension\": 100, \"beta\": [1], \"lambda\": 0, \"seeds\": 8,"
                + " \"repetitions\": 1, \"seed\": 1}}";
        String futureVersion = "{\"version\": 7, \"view\": \"spiked\", \"title\": \"t\","
                + " \"explanation\": \"e\", \"hologram\": {\"depth\": 3}, \"parameters\": {}}";
        String hugeVersion = "{\"version\": 99999999999999999999999}";
        for (String json : new String[] {deep, deepInside, hugeNumber, futureVersion,
            hugeVersion, "\u0000", "{\"version\": 1", "\uFEFF{}", "null"}) {
            try {
                PresetJson.parse(json, "hostile.json");
                fail("accepted " + json.substring(0, Math.min(80, json.length())));
            } catch (PresetException refused) {
                assertTrue(refused.getMessage().startsWith("hostile.json: "),
                        refused.getMessage());
            } catch (RuntimeException | Error escaped) {
                fail("gave " + escaped + " for " + json.substring(0, Math.min(80,
                        json.length())), escaped);
            }
        }
        PresetException future = assertThrows(PresetException.class,
                () -> PresetJson.parse(futureVersion, "future.json"));
        assertTrue(future.getMessage().contains("newer Memoscope"), future.getMessage());
    }

    @Test
    void corruptedStateTextsFailWithAStateTextException() {
        SplittableRandom random = new SplittableRandom(6L);
        ExplorerParameters[] states = {ExplorerParameters.DEFAULTS,
            new ExplorerParameters(0.0123, 77, new double[] {0, 0.5, 10}, 3.25, 3, 4, -99L)};
        int read = 0;
        for (ExplorerParameters state : states) {
            byte[] valid = StateText.format(state).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < MUTANTS; i++) {
                String mutant = new String(mutate(random, valid), StandardCharsets.UTF_8);
                try {
                    ExplorerParameters parsed = StateText.parse(mutant);
                    assertEquals(parsed, StateText.parse(StateText.format(parsed)));
                } catch (StateTextException refused) {
                    assertTrue(!refused.getMessage().isBlank());
                } catch (RuntimeException | Error escaped) {
                    fail("state text '" + mutant + "' gave " + escaped, escaped);
                }
                read++;
            }
        }
        assertEquals(2 * MUTANTS, read);
        String longText = "memoscope:v1;" + "x".repeat(10_000_000);
        assertThrows(StateTextException.class, () -> StateText.parse(longText));
    }

    private static byte[] mutate(SplittableRandom random, byte[] valid) {
        byte[] bytes = valid.clone();
        String alphabet = "{}[]\",:;=.-+eE0123456789 \n\\tnulr";
        switch (random.nextInt(5)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                for (int k = 1 + random.nextInt(3); k > 0; k--) {
                    bytes[random.nextInt(bytes.length)] =
                            (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            case 2 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            case 3 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                bytes = longer;
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(12));
                byte[] shorter = new byte[bytes.length - (to - from)];
                System.arraycopy(bytes, 0, shorter, 0, from);
                System.arraycopy(bytes, to, shorter, from, bytes.length - to);
                bytes = shorter;
            }
        }
        return bytes;
    }
}
