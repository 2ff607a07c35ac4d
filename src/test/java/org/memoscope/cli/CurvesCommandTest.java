package org.memoscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memoscope.sim.LinearModelExperiment;

/** {@code memoscope curves} end to end: run it, read the CSV back, check the numbers. */
class CurvesCommandTest {

    /** q at gamma = 1: (E sqrt(lambda))^2 under Marchenko-Pastur with c = 1. */
    private static final double CONVERGENCE_AT_ONE = 64 / (9 * Math.PI * Math.PI);

    @TempDir
    Path directory;

    @Test
    void writesTheTheoryTable() throws IOException {
        Path output = directory.resolve("curves.csv");

        CliRun run = CliRun.of("curves", "--gamma-min", "0.1", "--gamma-max", "10",
                "--points", "3", "-o", output.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        assertEquals(0, run.outBytes().length);
        Table table = Table.parse(Files.readString(output));
        assertEquals(List.of("gamma", "q_theory", "m_theory", "Q1_theory"), table.header);
        assertEquals(3, table.rows.size());
        assertEquals(0.1, table.value(0, "gamma"), 1e-15);
        assertEquals(1.0, table.value(1, "gamma"), 1e-12);
        assertEquals(10, table.value(2, "gamma"), 1e-12);
        // The theory evaluates q in closed form; 1e-6 leaves room for quadrature.
        assertEquals(CONVERGENCE_AT_ONE, table.value(1, "q_theory"), 1e-6);
        assertEquals(List.of("curves.csv"), List.of(directory.toFile().list()));
    }

    @Test
    void defaultGridGoesToStandardOutputLogSpaced() {
        CliRun run = CliRun.of("curves", "--beta", "2");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        Table table = Table.parse(run.out());
        assertEquals(61, table.rows.size());
        double[] loads = table.column("gamma");
        assertEquals(0.01, loads[0], 0);
        assertEquals(100, loads[60], 0);
        double step = Math.log(loads[1] / loads[0]);
        for (int i = 1; i < loads.length; i++) {
            assertTrue(loads[i] > loads[i - 1]);
            assertEquals(step, Math.log(loads[i] / loads[i - 1]), 1e-9);
        }
        // BBP: recovery switches on at 1/beta^2 = 0.25 (no grid point sits on it).
        double[] recovery = table.column("Q1_theory");
        for (int i = 0; i < loads.length; i++) {
            if (loads[i] < 0.25) {
                assertEquals(0, recovery[i], 0, "Q1 at gamma " + loads[i]);
            } else {
                assertTrue(recovery[i] > 0, "Q1 at gamma " + loads[i]);
            }
        }
        double[] convergence = table.column("q_theory");
        for (int i = 1; i < loads.length; i++) {
            assertTrue(convergence[i] > convergence[i - 1], "q rises with the load");
        }
    }

    @Test
    void oneRecoveryColumnPerSpike() {
        CliRun run = CliRun.of("curves", "--beta", "0.5,3", "--points", "5");

        assertEquals(0, run.exitCode(), run.describe());
        Table table = Table.parse(run.out());
        assertEquals(List.of("gamma", "q_theory", "m_theory", "Q1_theory", "Q2_theory"),
                table.header);
        // gamma = 1 lies between the thresholds 1/9 and 4.
        assertEquals(0, table.value(2, "Q1_theory"), 0);
        assertTrue(table.value(2, "Q2_theory") > 0.5);
    }

    @Test
    void simulatedColumnsAgreeWithTheoryWithinTheirErrors() {
        CliRun run = CliRun.of("curves", "--simulate", "-d", "200", "--points", "5",
                "--gamma-min", "0.1", "--gamma-max", "10", "--seeds", "16");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err());
        Table table = Table.parse(run.out());
        assertEquals(List.of("gamma", "q_theory", "m_theory", "Q1_theory", "q_sim", "q_sim_se",
                "q_trace_sim", "m_sim", "m_sim_se", "Q1_sim", "Q1_sim_se"), table.header);
        assertEquals(5, table.rows.size());

        double simulatedUpTo = LinearModelExperiment.maxSimulatedLoad(200);
        int compared = 0;
        for (int row = 0; row < table.rows.size(); row++) {
            double load = table.value(row, "gamma");
            if (load > simulatedUpTo) {
                assertEquals("", table.cell(row, "q_sim"), "not simulated above the limit");
                continue;
            }
            double theory = table.value(row, "q_theory");
            double simulated = table.value(row, "q_sim");
            double error = table.value(row, "q_sim_se");
            // Loose: five standard errors plus 0.05 for finite-size corrections at d = 200.
            assertEquals(theory, simulated, 5 * error + 0.05, "q at gamma " + load);
            assertTrue(error >= 0);
            compared++;
        }
        assertTrue(compared >= 2, "at least two loads were simulated, got " + compared);
    }

    @Test
    void theSameSeedGivesTheSameNumbers() {
        String[] args = {"curves", "--simulate", "-d", "40", "--points", "3",
            "--gamma-min", "0.5", "--gamma-max", "2", "--seeds", "4", "--seed", "7"};

        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        assertEquals(0, first.exitCode(), first.describe());
        assertArrayEquals(first.outBytes(), second.outBytes());
    }

    /** A CSV table read back: header and rows of cells. */
    private static final class Table {

        final List<String> header;
        final List<String[]> rows = new ArrayList<>();

        private Table(List<String> header) {
            this.header = header;
        }

        static Table parse(String csv) {
            assertTrue(csv.endsWith("\n"), "the table ends with a line end");
            String[] lines = csv.split("\n");
            Table table = new Table(Arrays.asList(lines[0].split(",", -1)));
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                assertEquals(table.header.size(), cells.length, "cells in row " + i);
                table.rows.add(cells);
            }
            return table;
        }

        String cell(int row, String column) {
            int index = header.indexOf(column);
            assertTrue(index >= 0, "no column " + column);
            return rows.get(row)[index];
        }

        double value(int row, String column) {
            return Double.parseDouble(cell(row, column));
        }

        double[] column(String column) {
            double[] values = new double[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = value(row, column);
            }
            return values;
        }
    }
}
