package org.memoscope.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.memoscope.compute.JobContext;
import org.memoscope.io.CurvesCsv;
import org.memoscope.model.ExplorerParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.model.SimulationCurve;
import org.memoscope.model.TheoryCurves;
import org.memoscope.sim.LinearModelExperiment;
import org.memoscope.theory.SpikedTheory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memoscope curves}: the order parameters q, m and Q_k on a logarithmic
 * grid of loads, as CSV, from the asymptotic theory and optionally from a
 * finite-size simulation. The table is computed in full before anything is
 * written, so a failed run writes nothing.
 */
@Command(name = "curves", mixinStandardHelpOptions = true,
        versionProvider = MemoscopeCli.Version.class,
        sortOptions = false,
        description = {
            "Writes the order parameters against the load gamma = n/d as CSV: "
                    + "convergence q, memorisation m and latent recovery Q_k (one per spike), "
                    + "from theory and, with --simulate, from a finite-size simulation.",
            "",
            "Columns: gamma,q_theory,m_theory,Q1_theory[,Q2_theory...] and with --simulate "
                    + "q_sim,q_sim_se,q_trace_sim,m_sim,m_sim_se,Q1_sim,Q1_sim_se[,...]. "
                    + "Simulated columns are empty above the largest load simulated at the "
                    + "given dimension; *_se is one standard error.",
            ""})
final class CurvesCommand implements Callable<Integer> {

    /** The range over which the theory is checked to give finite values. */
    static final double MIN_GRID_LOAD = 1e-3;
    static final double MAX_GRID_LOAD = 1e3;
    static final int MAX_POINTS = 10_000;

    private final PrintStream standardOutput;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOptions model;

    private double minLoad;
    private double maxLoad;
    private int points;

    @Option(names = {"-o", "--output"}, order = 1,
            paramLabel = "<file>", defaultValue = "-",
            description = "CSV file to write (replaced atomically); '-' is standard output. "
                    + "Default: ${DEFAULT-VALUE}.")
    private String output;

    @Option(names = "--gamma-min", order = 2,
            paramLabel = "<gamma>", defaultValue = "0.01",
            description = "Smallest load gamma = n/d (training samples per dimension, "
                    + "dimensionless), 0.001..1000. Default: ${DEFAULT-VALUE}.")
    void setMinLoad(String text) {
        minLoad = OptionValues.real(spec, "--gamma-min", text, MIN_GRID_LOAD, MAX_GRID_LOAD, "");
    }

    @Option(names = "--gamma-max", order = 3,
            paramLabel = "<gamma>", defaultValue = "100",
            description = "Largest load gamma = n/d (dimensionless), 0.001..1000, above "
                    + "--gamma-min. Default: ${DEFAULT-VALUE}.")
    void setMaxLoad(String text) {
        maxLoad = OptionValues.real(spec, "--gamma-max", text, MIN_GRID_LOAD, MAX_GRID_LOAD, "");
    }

    @Option(names = "--points", order = 4, paramLabel = "<count>", defaultValue = "61",
            description = "Grid points (rows), spaced evenly in log(gamma) from --gamma-min "
                    + "to --gamma-max inclusive, 1..10000. Default: ${DEFAULT-VALUE}.")
    void setPoints(String text) {
        points = OptionValues.integer(spec, "--points", text, 1, MAX_POINTS, "");
    }

    /** @param standardOutput where {@code --output -} writes */
    CurvesCommand(PrintStream standardOutput) {
        this.standardOutput = standardOutput;
    }

    @Override
    public Integer call() {
        validate();
        OutputTarget target = OutputTarget.named(output);
        target.checkWritable();

        double[] grid = LoadGrid.logarithmic(minLoad, maxLoad, points);
        ExplorerParameters parameters = model.parameters(1.0);
        TheoryCurves theory = SpikedTheory.curves(parameters, grid);
        String table;
        if (model.simulate()) {
            double simulatedUpTo = LinearModelExperiment.maxSimulatedLoad(
                    parameters.dimension());
            table = CurvesCsv.format(theory, simulate(parameters, grid, simulatedUpTo),
                    simulatedUpTo);
        } else {
            table = CurvesCsv.format(theory, null);
        }

        target.write(table.getBytes(StandardCharsets.UTF_8), standardOutput);
        return 0;
    }

    private void validate() {
        model.validate();
        if (points > 1 ? !(minLoad < maxLoad) : !(minLoad <= maxLoad)) {
            throw OptionValues.usage(spec, "--gamma-min must be below --gamma-max (each in "
                    + OptionValues.format(MIN_GRID_LOAD) + ".."
                    + OptionValues.format(MAX_GRID_LOAD) + "), got "
                    + OptionValues.format(minLoad) + " and " + OptionValues.format(maxLoad));
        }
    }

    private static SimulationCurve simulate(ExplorerParameters parameters, double[] grid,
                                            double simulatedUpTo) {
        double[] simulable = Arrays.stream(grid).filter(load -> load <= simulatedUpTo).toArray();
        if (simulable.length == 0) {
            return new SimulationCurve(parameters, List.of());
        }
        return LinearModelExperiment.curve(parameters, simulable, JobContext.NONE);
    }
}
