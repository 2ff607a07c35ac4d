package org.memoscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.memoscope.model.Preset;

/**
 * The built-in presets and the lookup of a preset by name or path.
 *
 * <p>The built-ins are the JSON files of the project's {@code presets/} folder,
 * which the build copies onto the classpath under {@code /presets/}, so the jar
 * finds them wherever it runs. {@code /presets/index.txt} lists their names (the
 * file names without {@code .json}) in menu order, one a line; a class path
 * cannot be listed like a folder.
 */
public final class PresetCatalog {

    private static final String FOLDER = "/presets/";
    private static final String INDEX = FOLDER + "index.txt";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private PresetCatalog() {
    }

    /** Names of the built-in presets, in menu order. */
    public static List<String> builtInNames() {
        try (InputStream in = PresetCatalog.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\\R")) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
            return List.copyOf(names);
        } catch (IOException unreadable) {
            throw new IllegalStateException("the preset index on the class path is unreadable",
                    unreadable);
        }
    }

    /** The built-in preset {@code name}. */
    public static Preset builtIn(String name) throws PresetException {
        String source = "preset '" + name + "'";
        if (!NAME.matcher(name).matches() || !builtInNames().contains(name)) {
            throw new PresetException(source, "no such built-in preset (there are: "
                    + String.join(", ", builtInNames()) + ")");
        }
        try (InputStream in = PresetCatalog.class.getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                throw new PresetException(source, "listed but missing from the class path");
            }
            return PresetJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "built-in preset " + name + ".json");
        } catch (PresetException bad) {
            throw bad;
        } catch (IOException unreadable) {
            throw new PresetException(source, "unreadable", unreadable);
        }
    }

    /**
     * The preset named by {@code nameOrPath}: an existing file, or a path with a
     * folder or a {@code .json} ending, is read as a file; anything else is the
     * name of a built-in preset.
     */
    public static Preset resolve(String nameOrPath) throws PresetException {
        Path file = null;
        try {
            file = Path.of(nameOrPath);
        } catch (InvalidPathException notAPath) {
            // a name, then
        }
        boolean looksLikeFile = nameOrPath.endsWith(".json") || nameOrPath.contains("/")
                || nameOrPath.contains(java.io.File.separator);
        if (file != null && (looksLikeFile || Files.isRegularFile(file))) {
            if (!Files.exists(file)) {
                throw new PresetException(nameOrPath, "no such file");
            }
            return PresetJson.read(file);
        }
        return builtIn(nameOrPath);
    }
}
