package org.memoscope.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.util.Duration;

import org.memoscope.compute.JobContext;
import org.memoscope.compute.JobListener;
import org.memoscope.compute.LatestJobRunner;
import org.memoscope.data.DataLoadException;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.data.PowerLawField;
import org.memoscope.data.PowerLawSpectrum;
import org.memoscope.model.DataCurve;
import org.memoscope.model.DataParameters;
import org.memoscope.model.LoadGrid;
import org.memoscope.sim.DataExperiment;
import org.memoscope.sim.DataSource;
import org.memoscope.sim.LinearModelExperiment;
import org.memoscope.sim.SampleGrid;
import org.memoscope.theory.DeterministicEquivalent;
import org.memoscope.theory.FactorRecovery;
import org.memoscope.theory.ModelDistances;
import org.memoscope.theory.PopulationSpectrum;

/**
 * State and commands of the "Spectra and data" and "Sample grid" views.
 *
 * <p>Three background stages, each on its own {@link LatestJobRunner} so a newer request
 * cancels the older one: (1) <em>prepare</em> builds the data source (reading a dataset from
 * disk if needed) and the theory from its eigenvalues — run at once on every data change,
 * so dragging the exponent redraws the theory live; (2) the <em>experiment</em> over a ladder
 * of n, after the controls settle; (3) the <em>sample grid</em> at the cursor's n. A result
 * is published only if it belongs to the current parameters. What is shown stays until its
 * replacement is ready: while new data are prepared the previous source, theory, experiment
 * and grid stay, and if the new data fail to load (a folder of mixed image sizes, an empty
 * folder) the parameters go back to the data still shown and the error names the file. All
 * methods run on the FX thread.
 */
public final class DataViewModel implements AutoCloseable {

    /** Loads of the theory curves: 100 points over the chart's axis. */
    static final double[] THEORY_LOADS = LoadGrid.logarithmic(1e-3, 1e2, 100);

    /** Rows of the sample grid. */
    static final int GRID_ROWS = 6;

    private static final System.Logger LOG = System.getLogger(DataViewModel.class.getName());
    private static final int LADDER_POINTS = 10;
    private static final Duration SETTLE = Duration.millis(350);

    /**
     * The theory for one data source on {@link #THEORY_LOADS}: q, Q_k (the learnt k-th
     * eigenvector's weight on the population eigenspace of its eigenvalue, which is what the
     * experiment measures when eigenvalues are degenerate), the bulk distance
     * W2^2(learnt, true) / Tr Sigma, and the top-r eigenspace distance divided by r.
     */
    public record DataTheory(DataParameters parameters, String source, int dimension,
                             double[] loadRatios, double[] convergence,
                             double[][] latentRecovery, double[] bulkDistance,
                             double[] spectralDistance) {
    }

    private record Prepared(DataParameters parameters, DataSource source, DataTheory theory) {
    }

    private final ReadOnlyObjectWrapper<DataParameters> parameters =
            new ReadOnlyObjectWrapper<>(DataParameters.DEFAULTS);
    private final ReadOnlyObjectWrapper<DataSource> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DataTheory> theory = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DataCurve> experiment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SampleGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper gridComputing = new ReadOnlyBooleanWrapper();

    private final LatestJobRunner<Prepared> prepareRunner;
    private final LatestJobRunner<DataCurve> experimentRunner;
    private final LatestJobRunner<SampleGrid> gridRunner;
    private final PauseTransition experimentDelay = new PauseTransition(SETTLE);
    private final PauseTransition gridDelay = new PauseTransition(SETTLE);
    private final DatasetCache datasets = new DatasetCache();
    private DatasetCatalog catalog = DatasetCatalog.system();
    private DataParameters experimentShownFor;
    private DataParameters gridShownFor;
    private boolean experimenting;
    private boolean gridding;
    private boolean active;

    /** A view-model that starts preparing its data at once. */
    public DataViewModel() {
        this(true);
    }

    /**
     * @param active whether to start preparing the data now; an inactive view-model computes
     *               nothing until {@link #activate()} or its first parameter change, so a tab
     *               nobody has opened costs nothing at start-up
     */
    DataViewModel(boolean active) {
        prepareRunner = new LatestJobRunner<>("data-prepare", Platform::runLater);
        experimentRunner = new LatestJobRunner<>("data-experiment", Platform::runLater);
        gridRunner = new LatestJobRunner<>("sample-grid", Platform::runLater);
        experimentDelay.setOnFinished(event -> submitExperiment());
        gridDelay.setOnFinished(event -> submitGrid());
        if (active) {
            activate();
        }
    }

    /** Starts preparing the data, once; later calls do nothing. */
    public void activate() {
        if (!active) {
            active = true;
            prepare();
        }
    }

    // ---- state ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<DataParameters> parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    public DataParameters parameters() {
        return parameters.get();
    }

    /** The data source of the current parameters, or null while it is being prepared. */
    public ReadOnlyObjectProperty<DataSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataTheory> theoryProperty() {
        return theory.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DataCurve> experimentProperty() {
        return experiment.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SampleGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error a user should see (bad dataset file, refused size), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while the data of the current parameters are being prepared (read, analysed). */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /**
     * True while the grid shown (if any) is not the one of the current parameters and a new one
     * is on its way; the old one stays until then.
     */
    public ReadOnlyBooleanProperty gridComputingProperty() {
        return gridComputing.getReadOnlyProperty();
    }

    /**
     * The parameters of what the charts show, for exports: while new data are prepared, the
     * current ones with the data (and factor count) still shown.
     */
    public DataParameters shownParameters() {
        DataTheory shown = theory.get();
        return preparing.get() && shown != null ? withDataOf(parameters(), shown.parameters())
                : parameters();
    }

    /** n per model at the cursor for the current source (at least 1, at most the source's). */
    public int cursorSampleCount() {
        DataSource current = source.get();
        if (current == null) {
            return 1;
        }
        long n = Math.round(parameters().loadRatio() * current.dimension());
        return (int) Math.max(1, Math.min(current.maxSampleCount(), n));
    }

    /**
     * Why the grid's n is less than γd, or "" when it is not: a finite set of N images gives
     * each model at most N / 2, the two training sets being disjoint.
     */
    public String sampleCountNote() {
        DataSource current = source.get();
        if (current == null) {
            return "";
        }
        long asked = Math.round(parameters().loadRatio() * current.dimension());
        int most = current.maxSampleCount();
        if (asked <= most) {
            return "";
        }
        return String.format(Locale.ROOT, "n capped at %d: γd = %d, but the dataset has %d"
                + " images, split between the two models' disjoint training sets.", most, asked,
                current.imageCount());
    }

    /** Where short dataset names such as "fashion-mnist" are looked up; tests point it elsewhere. */
    void useCatalog(DatasetCatalog lookup) {
        catalog = lookup;
    }

    DatasetCatalog catalog() {
        return catalog;
    }

    /**
     * The file or folder a dataset entry names: the installed file of a short name such as
     * "fashion-mnist", else the path itself.
     *
     * @throws IllegalArgumentException when it is not there, saying what to do instead
     */
    static Path datasetLocation(DatasetCatalog lookup, String pathOrName) {
        var entry = lookup.alias(pathOrName);
        if (entry.isPresent()) {
            if (!entry.get().isPresent()) {
                throw new IllegalArgumentException(pathOrName + " is not installed (no file "
                        + entry.get().images() + "). Install the package dataset-"
                        + pathOrName + ", or open any IDX file or folder of images from File ▸"
                        + " Open dataset.");
            }
            return entry.get().images();
        }
        Path path;
        try {
            path = Path.of(pathOrName);
        } catch (java.nio.file.InvalidPathException invalid) {
            throw new IllegalArgumentException("'" + pathOrName + "' is not a valid path");
        }
        if (!java.nio.file.Files.exists(path)) {
            throw new IllegalArgumentException(pathOrName + ": no such file or folder");
        }
        return path;
    }

    // ---- commands -------------------------------------------------------------------------

    public void setKind(DataParameters.Kind kind) {
        update(parameters().withKind(kind));
    }

    public void setExponent(double alpha) {
        update(parameters().withExponent(alpha));
    }

    public void setImageSide(int side) {
        update(parameters().withImageSide(side));
    }

    public void setDimension(int dimension) {
        update(parameters().withDimension(dimension));
    }

    public void setLoadRatio(double loadRatio) {
        update(parameters().withLoadRatio(loadRatio));
    }

    public void setSeedCount(int seeds) {
        update(parameters().withSeedCount(seeds));
    }

    public void setFactorCount(int count) {
        update(parameters().withFactorCount(count));
    }

    /** Switches to the dataset at {@code path} (an IDX file or a folder of images). */
    public void openDataset(Path path) {
        update(parameters().withDataset(path.toAbsolutePath().toString()));
    }

    public void setParameters(DataParameters next) {
        update(next);
    }

    public void reset() {
        update(DataParameters.DEFAULTS);
    }

    private void update(DataParameters next) {
        DataParameters previous = parameters();
        if (next.equals(previous)) {
            return;
        }
        parameters.set(next);
        if (!active) {
            activate();
            return;
        }
        if (!sameTheory(next, previous)) {
            prepare();
            return;
        }
        if (preparing.get()) {
            return; // the data being prepared schedule their experiment and grid when ready
        }
        if (!next.sameExperiment(previous)) {
            experiment.set(null);
            scheduleExperiment();
        }
        if (next.loadRatio() != previous.loadRatio() || next.seed() != previous.seed()) {
            scheduleGrid();
        }
    }

    // ---- stage 1: data source and theory --------------------------------------------------

    private void prepare() {
        DataParameters request = parameters();
        experimentDelay.stop();
        gridDelay.stop();
        experimentRunner.cancel();
        gridRunner.cancel();
        experimenting = false;
        gridding = false;
        gridComputing.set(false);
        error.set("");
        if (request.kind() == DataParameters.Kind.DATASET && request.datasetPath().isEmpty()) {
            prepareRunner.cancel();
            preparing.set(false);
            source.set(null);
            theory.set(null);
            experiment.set(null);
            grid.set(null);
            refreshBusy();
            status.set("Choose a dataset: File ▸ Open dataset");
            return;
        }
        preparing.set(true);
        refreshBusy();
        status.set("Preparing " + request.describe() + "…");
        DatasetCatalog lookup = catalog;
        prepareRunner.submit(context -> prepare(request, lookup, context), new JobListener<>() {
            @Override
            public void progress(double fraction, String message) {
                status.set(message);
            }

            @Override
            public void succeeded(Prepared prepared) {
                if (!sameTheory(prepared.parameters(), parameters())) {
                    return; // a newer preparation is under way
                }
                preparing.set(false);
                source.set(prepared.source());
                theory.set(prepared.theory());
                experiment.set(null);
                experimentShownFor = null;
                if (!prepared.source().isImage()) {
                    grid.set(null);
                    gridShownFor = null;
                }
                showSourceStatus();
                scheduleExperiment();
                scheduleGrid();
            }

            @Override
            public void failed(Throwable failure) {
                if (!sameTheory(request, parameters())) {
                    return;
                }
                preparing.set(false);
                keepShownData(request, failure);
            }
        });
    }

    /**
     * After the data of {@code request} failed to prepare: back to the data still shown, if
     * any, with an error naming the file and the problem; nothing shown is lost.
     */
    private void keepShownData(DataParameters request, Throwable failure) {
        String problem = describeLoad(failure);
        LOG.log(System.Logger.Level.WARNING, "could not prepare {0}: {1}", request.describe(),
                problem);
        DataTheory shown = theory.get();
        if (shown == null || source.get() == null) {
            refreshBusy();
            error.set(problem);
            status.set("Could not prepare the data");
            return;
        }
        DataParameters restored = withDataOf(parameters(), shown.parameters());
        parameters.set(restored);
        error.set(problem + " Still showing " + source.get().description() + ".");
        showSourceStatus();
        if (experiment.get() == null || experimentShownFor == null
                || !experimentShownFor.sameExperiment(restored)) {
            experiment.set(null);
            scheduleExperiment();
        }
        scheduleGrid();
        refreshBusy();
    }

    /** {@code current} with the data of {@code data}, and its factor count (part of the theory). */
    private static DataParameters withDataOf(DataParameters current, DataParameters data) {
        return new DataParameters(data.kind(), data.exponent(), data.imageSide(),
                data.dimension(), data.datasetPath(), current.loadRatio(), current.seedCount(),
                current.repetitions(), data.factorCount(), current.seed());
    }

    private void showSourceStatus() {
        status.set(String.format(Locale.ROOT, "%s: d = %d", source.get().description(),
                source.get().dimension()));
    }

    private Prepared prepare(DataParameters request, DatasetCatalog lookup, JobContext context) {
        DataSource data = switch (request.kind()) {
            case POWER_LAW_FIELD -> DataSource.powerLawField(
                    new PowerLawField(request.imageSide(), request.exponent()));
            case POWER_LAW_SPECTRUM -> DataSource.powerLawSpectrum(
                    new PowerLawSpectrum(request.dimension(), request.exponent()));
            case DATASET -> datasets.load(datasetLocation(lookup, request.datasetPath()),
                    context);
        };
        context.checkCancelled();
        context.reportProgress(0.5, "Spectrum of " + data.description() + "…");
        double[] eigenvalues = data.eigenvalues();
        context.checkCancelled();
        return new Prepared(request, data, theoryFor(request, data, eigenvalues));
    }

    /** q, Q_k and the two distances on {@link #THEORY_LOADS} for the data's own spectrum. */
    static DataTheory theoryFor(DataParameters request, DataSource data, double[] eigenvalues) {
        PopulationSpectrum spectrum = PopulationSpectrum.of(eigenvalues);
        DeterministicEquivalent equivalent = DeterministicEquivalent.of(spectrum);
        double[] convergence = equivalent.convergence(THEORY_LOADS, 0);

        int factors = Math.min(request.factorCount(), positiveCount(eigenvalues));
        double[][] recovery = new double[factors][THEORY_LOADS.length];
        double[] spectral = new double[THEORY_LOADS.length];
        for (int k = 0; k < factors; k++) {
            FactorRecovery factor = FactorRecovery.of(spectrum, k + 1);
            for (int i = 0; i < THEORY_LOADS.length; i++) {
                recovery[k][i] = factor.eigenspaceRecovery(THEORY_LOADS[i]);
            }
        }
        double[] bulk = ModelDistances.wassersteinToPopulation(spectrum, THEORY_LOADS);
        int rank = factors == 0 ? 0 : wholeGroupRank(eigenvalues, factors);
        for (int i = 0; i < THEORY_LOADS.length; i++) {
            spectral[i] = rank == 0 ? Double.NaN
                    : ModelDistances.eigenspaceDistance(spectrum, rank, THEORY_LOADS[i]) / rank;
        }
        return new DataTheory(request, data.description(), data.dimension(), THEORY_LOADS,
                convergence, recovery, bulk, spectral);
    }

    /** The theory depends on the data and on how many factors are shown. */
    private static boolean sameTheory(DataParameters a, DataParameters b) {
        return a.sameData(b) && a.factorCount() == b.factorCount();
    }

    /**
     * The number of eigenvalues at least as large as the one of rank {@code rank}: the top
     * eigenspace widened to whole groups of equal eigenvalues, the only top eigenspaces that
     * are well defined (power-law fields have groups of several Fourier modes).
     */
    static int wholeGroupRank(double[] descending, int rank) {
        double cut = descending[rank - 1] * (1 - 1e-12);
        int count = rank;
        while (count < descending.length && descending[count] >= cut) {
            count++;
        }
        return count;
    }

    private static int positiveCount(double[] values) {
        return (int) Arrays.stream(values).filter(v -> v > 0).count();
    }

    // ---- stage 2: experiment over a ladder of n ------------------------------------------

    private void scheduleExperiment() {
        if (source.get() == null || preparing.get()) {
            return;
        }
        experimentRunner.cancel();
        experimenting = true;
        refreshBusy();
        progress.set(-1);
        experimentDelay.playFromStart();
    }

    /** About ten n from 1 up to what the cost budget allows (at least 2d for d <= 1024). */
    static int[] ladder(DataSource data) {
        int d = data.dimension();
        long budget = Math.round(LinearModelExperiment.maxSimulatedLoad(d) * d);
        long top = d <= 1024 ? Math.max(budget, 2L * d) : budget;
        top = Math.max(2, Math.min(top, data.maxSampleCount()));
        TreeSet<Integer> counts = new TreeSet<>();
        for (double n : LoadGrid.logarithmic(1, top, LADDER_POINTS)) {
            counts.add((int) Math.round(n));
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private void submitExperiment() {
        DataParameters request = parameters();
        DataSource data = source.get();
        if (data == null || preparing.get()) {
            experimenting = false;
            refreshBusy();
            return;
        }
        DataExperiment.Request job;
        try {
            job = new DataExperiment.Request(data, ladder(data), request.seedCount(),
                    request.repetitions(), Math.min(request.factorCount(), data.dimension()),
                    request.seed());
            DataExperiment.checkFeasible(job);
        } catch (IllegalArgumentException refused) {
            experimenting = false;
            refreshBusy();
            error.set(refused.getMessage());
            return;
        }
        progress.set(0);
        experimentRunner.submit(context -> DataExperiment.run(job, context), new JobListener<>() {
            @Override
            public void progress(double fraction, String message) {
                progress.set(fraction);
                status.set("Experiment: " + message);
            }

            @Override
            public void succeeded(DataCurve curve) {
                experimenting = false;
                refreshBusy();
                if (request.sameExperiment(parameters())) {
                    experimentShownFor = request;
                    experiment.set(curve);
                    status.set("Experiment up to date: " + curve.source());
                }
            }

            @Override
            public void failed(Throwable failure) {
                experimenting = false;
                refreshBusy();
                error.set(describe(failure));
            }
        });
    }

    // ---- stage 3: sample grid ---------------------------------------------------------------

    /**
     * Computes the grid of the current parameters after the controls settle, unless the one
     * shown is already it; the grid shown stays (flagged by {@link #gridComputingProperty()})
     * until the new one is ready. A newer request cancels an older one.
     */
    private void scheduleGrid() {
        gridRunner.cancel();
        gridding = false;
        DataSource data = source.get();
        boolean needed = !preparing.get() && data != null && data.isImage() && !gridIsCurrent();
        gridComputing.set(needed);
        if (needed) {
            gridDelay.playFromStart();
        } else {
            gridDelay.stop();
        }
        refreshBusy();
    }

    /** True when the grid shown is that of the current data, seed and n. */
    private boolean gridIsCurrent() {
        SampleGrid shown = grid.get();
        return shown != null && gridShownFor != null && gridShownFor.sameData(parameters())
                && gridShownFor.seed() == parameters().seed()
                && shown.sampleCount() == cursorSampleCount();
    }

    private void submitGrid() {
        DataSource data = source.get();
        DataParameters request = parameters();
        if (preparing.get() || data == null || !data.isImage()) {
            gridComputing.set(false);
            return;
        }
        int n = cursorSampleCount();
        gridding = true;
        refreshBusy();
        gridRunner.submit(context -> SampleGrid.compute(data, n, GRID_ROWS, request.seed(),
                context), new JobListener<>() {
                    @Override
                    public void progress(double fraction, String message) {
                    }

                    @Override
                    public void succeeded(SampleGrid result) {
                        gridding = false;
                        DataParameters now = parameters();
                        if (request.sameData(now) && request.seed() == now.seed()
                                && n == cursorSampleCount() && !preparing.get()) {
                            gridShownFor = request;
                            grid.set(result);
                            gridComputing.set(false);
                        }
                        refreshBusy();
                    }

                    @Override
                    public void failed(Throwable failure) {
                        gridding = false;
                        gridComputing.set(false);
                        refreshBusy();
                        error.set(describe(failure));
                    }
                });
    }

    private void refreshBusy() {
        busy.set(preparing.get() || experimenting || gridding);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "Not enough memory for this dataset or size; try a smaller n or image size.";
        }
        Throwable cause = failure.getCause() instanceof DataLoadException ? failure.getCause()
                : failure;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** A failure to prepare the data, naming the file or folder when one failed to load. */
    private static String describeLoad(Throwable failure) {
        Throwable cause = failure.getCause() instanceof DataLoadException ? failure.getCause()
                : failure;
        if (cause instanceof DataLoadException bad && bad.file() != null) {
            return "Could not open " + bad.file() + ": " + bad.problem() + ".";
        }
        return describe(failure);
    }

    @Override
    public void close() {
        experimentDelay.stop();
        gridDelay.stop();
        prepareRunner.close();
        experimentRunner.close();
        gridRunner.close();
    }

    /** Keeps the last dataset read from disk, so changing other controls does not reread it. */
    private static final class DatasetCache {

        private Path path;
        private DataSource source;

        synchronized DataSource load(Path file, JobContext context) {
            if (file.equals(path)) {
                return source;
            }
            context.reportProgress(0.1, "Reading " + file.getFileName() + "…");
            try {
                DataSource loaded = DataSource.imageSet(DatasetCatalog.load(file));
                path = file;
                source = loaded;
                return loaded;
            } catch (DataLoadException bad) {
                throw new IllegalArgumentException(bad.getMessage(), bad);
            }
        }
    }
}
