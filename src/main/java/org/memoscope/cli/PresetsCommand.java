package org.memoscope.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import org.memoscope.io.PresetCatalog;
import org.memoscope.io.PresetException;
import org.memoscope.model.Preset;

import picocli.CommandLine.Command;

/**
 * {@code memoscope presets}: lists the built-in presets, one a line, as their
 * name (what {@code --preset} takes), a tab and their title.
 */
@Command(name = "presets", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        description = {
            "Lists the built-in presets: the name that --preset takes, then the title. "
                    + "A preset can also be any JSON file saved from the window.",
            ""})
final class PresetsCommand implements Callable<Integer> {

    private final PrintStream standardOutput;

    PresetsCommand(PrintStream standardOutput) {
        this.standardOutput = standardOutput;
    }

    @Override
    public Integer call() {
        StringBuilder list = new StringBuilder();
        for (String name : PresetCatalog.builtInNames()) {
            try {
                Preset preset = PresetCatalog.builtIn(name);
                list.append(name).append('\t').append(preset.title()).append('\n');
            } catch (PresetException broken) {
                throw new CliFailure(broken.getMessage(), broken);
            }
        }
        standardOutput.print(list);
        standardOutput.flush();
        return 0;
    }
}
