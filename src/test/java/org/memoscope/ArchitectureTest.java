package org.memoscope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Layering rules: JavaFX lives in the ui package only. */
class ArchitectureTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java/org/memoscope");
    private static final Pattern JAVAFX_USE = Pattern.compile("\\bjavafx\\.[a-z]");

    @Test
    void noClassOutsideUiUsesJavaFx() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertTrue(sources.size() > 10, "the source tree was not found from " + Path.of("").toAbsolutePath());

        Path ui = MAIN_SOURCES.resolve("ui");
        List<String> offenders = sources.stream()
                .filter(file -> !file.startsWith(ui))
                .filter(ArchitectureTest::mentionsJavaFx)
                .map(Path::toString)
                .collect(Collectors.toList());

        assertEquals(List.of(), offenders, "classes outside ui/ that use javafx");
    }

    @Test
    void theRuleDetectsAnImport() {
        assertTrue(JAVAFX_USE.matcher("import javafx.scene.Node;").find());
        assertTrue(JAVAFX_USE.matcher("javafx.application.Platform.runLater(x);").find());
    }

    private static boolean mentionsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("//"))
                    .anyMatch(line -> JAVAFX_USE.matcher(line).find());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
