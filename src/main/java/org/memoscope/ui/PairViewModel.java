package org.memoscope.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.memoscope.compute.JobContext;
import org.memoscope.compute.JobListener;
import org.memoscope.compute.LatestJobRunner;
import org.memoscope.data.DataLoadException;
import org.memoscope.data.DatasetCatalog;
import org.memoscope.diffusion.NoiseSchedule;
import org.memoscope.diffusion.PairCache;
import org.memoscope.diffusion.PairData;
import org.memoscope.diffusion.PairExperiment;
import org.memoscope.diffusion.PairPoint;
import org.memoscope.diffusion.Sampler;
import org.memoscope.diffusion.TrainingSettings;
import org.memoscope.sim.SampleGrid;

/**
 * State and commands of the "Denoiser pair" view: the sweep's settings, a Run and a Cancel
 * command, progress with the time left, the live training loss, the result and the sample
 * grid at a chosen N.
 *
 * <p>The sweep runs as one background job ({@link LatestJobRunner}): it loads the data,
 * then runs {@link PairExperiment}, whose trained networks and points are cached, so Run
 * after Cancel resumes. The job's live loss goes into a holder that the progress callback,
 * on the FX thread, publishes; the result is published in one step when the job succeeds.
 * All methods run on the FX thread.
 */
public final class PairViewModel implements AutoCloseable {

    /**
     * What to run.
     *
     * @param data     {@link PairData#FASHION_MNIST} or {@link PairData#POWER_LAW}
     * @param side     image side
     * @param ladder   the N of the sweep
     * @param steps    training steps per network
     * @param channels UNet channels at full resolution
     * @param batch    images per training step
     * @param samples  samples per network (and held-out images)
     * @param seed     seed of everything
     */
    public record Settings(String data, int side, int[] ladder, int steps, int channels,
                           int batch, int samples, long seed) {

        public Settings {
            Objects.requireNonNull(data, "data");
            ladder = ladder.clone();
            Arrays.sort(ladder);
            if (ladder.length == 0 || ladder[0] < 1) {
                throw new IllegalArgumentException("the ladder of N needs positive sizes");
            }
        }

        @Override
        public int[] ladder() {
            return ladder.clone();
        }

        /** Value equality, the ladder compared by content. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Settings that && data.equals(that.data) && side == that.side
                    && Arrays.equals(ladder, that.ladder) && steps == that.steps
                    && channels == that.channels && batch == that.batch
                    && samples == that.samples && seed == that.seed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(data, side, Arrays.hashCode(ladder), steps, channels, batch,
                    samples, seed);
        }

        public Settings withData(String value) {
            return new Settings(value, side, ladder, steps, channels, batch, samples, seed);
        }

        public Settings withLadder(int[] value) {
            return new Settings(data, side, value, steps, channels, batch, samples, seed);
        }

        public Settings withSteps(int value) {
            return new Settings(data, side, ladder, value, channels, batch, samples, seed);
        }

        public Settings withChannels(int value) {
            return new Settings(data, side, ladder, steps, value, batch, samples, seed);
        }

        public Settings withSeed(long value) {
            return new Settings(data, side, ladder, steps, channels, batch, samples, value);
        }
    }

    /** The defaults: the data set of the CLI's default sweep when installed. */
    public static Settings defaults(DatasetCatalog catalog) {
        TrainingSettings training = TrainingSettings.DEFAULT;
        return new Settings(PairData.fashionMnistPresent(catalog) ? PairData.FASHION_MNIST
                : PairData.POWER_LAW, 16, new int[] {1, 4, 16, 64, 256, 1024, 4096},
                training.steps(), training.channels(), training.batch(), 64, 1);
    }

    private final DatasetCatalog catalog;
    private final Path cacheRoot;
    private final LatestJobRunner<Outcome> runner;
    private final AtomicReference<PairExperiment.LiveLoss> latestLoss = new AtomicReference<>();

    private final ReadOnlyObjectWrapper<Settings> settings = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PairExperiment.Result> result =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PairData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PairExperiment.LiveLoss> liveLoss =
            new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SampleGrid> grid = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Press Run to train the pairs of networks.");
    private Settings displayedSettings;
    private final ReadOnlyStringWrapper regimes = new ReadOnlyStringWrapper("");
    private int gridSampleCount = -1;

    /** The view model of the window: system data sets, the user's cache folder. */
    public PairViewModel() {
        this(DatasetCatalog.system(), PairCache.defaultRoot(), Platform::runLater);
    }

    /** A view model reading data from {@code catalog} and caching in {@code cacheRoot}. */
    public PairViewModel(DatasetCatalog catalog, Path cacheRoot, Executor delivery) {
        this.catalog = catalog;
        this.cacheRoot = cacheRoot;
        this.runner = new LatestJobRunner<>("denoiser-pair", delivery);
        settings.set(defaults(catalog));
    }

    private record Outcome(Settings settings, PairData data, PairExperiment.Result result) {
    }

    // ---- state ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public Settings settings() {
        return settings.get();
    }

    /** The last finished sweep, or null. */
    public ReadOnlyObjectProperty<PairExperiment.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The loss history of the network training now (or last trained). */
    public ReadOnlyObjectProperty<PairExperiment.LiveLoss> liveLossProperty() {
        return liveLoss.getReadOnlyProperty();
    }

    /** The sample grid at the chosen N of the last result, or null. */
    public ReadOnlyObjectProperty<SampleGrid> gridProperty() {
        return grid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, with the time left while running; errors too. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** One line: the regime of each N of the last result. */
    public ReadOnlyStringProperty regimesProperty() {
        return regimes.getReadOnlyProperty();
    }

    // ---- commands -------------------------------------------------------------------------

    public void setSettings(Settings next) {
        settings.set(Objects.requireNonNull(next));
        markIfStale();
    }

    /** Says in the status line when the charts show a run of other settings than these. */
    private void markIfStale() {
        Settings shown = displayedSettings;
        if (shown == null || running.get() || shown.equals(settings.get())) {
            return;
        }
        status.set(String.format(Locale.ROOT, "The charts show the last run (%s, N = %s, %d"
                + " steps, %d channels); press Run for the settings above.", shown.data(),
                Arrays.stream(shown.ladder()).mapToObj(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(",")),
                shown.steps(), shown.channels()));
    }

    /** The settings back to {@link #defaults} for this model's data sets; nothing runs. */
    public void resetSettings() {
        settings.set(defaults(catalog));
        markIfStale();
    }

    /** Shows the sample grid of N (one of the last result's sizes). */
    public void showGridAt(int sampleCount) {
        gridSampleCount = sampleCount;
        refreshGrid();
    }

    /** Starts the sweep of the current settings (cancelling one that runs). */
    public void run() {
        Settings request = settings();
        latestLoss.set(null);
        running.set(true);
        progress.set(0);
        status.set("Preparing " + request.data() + "…");
        runner.submit(context -> compute(request, context), new JobListener<>() {
            @Override
            public void progress(double fraction, String message) {
                progress.set(fraction);
                status.set(message);
                PairExperiment.LiveLoss loss = latestLoss.get();
                if (loss != null && loss != liveLoss.get()) {
                    liveLoss.set(loss);
                }
            }

            @Override
            public void succeeded(Outcome outcome) {
                apply(outcome);
            }

            @Override
            public void failed(Throwable error) {
                running.set(false);
                status.set("Failed: " + (error.getMessage() == null
                        ? error.getClass().getSimpleName() : error.getMessage()));
            }
        });
    }

    /** Stops the sweep; what finished stays cached, so Run resumes. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        runner.cancel();
        running.set(false);
        status.set("Cancelled; trained networks are kept in the cache, Run resumes.");
    }

    private Outcome compute(Settings request, JobContext context) {
        int heldOut = request.samples();
        int pool = PairExperiment.Request.poolSize(request.ladder(), heldOut);
        PairData pairData;
        try {
            pairData = request.data().equals(PairData.FASHION_MNIST)
                    ? PairData.fashionMnist(catalog, request.side(), pool)
                    : PairData.powerLaw(request.side(), 2.0, pool, request.seed());
        } catch (DataLoadException failed) {
            throw new IllegalArgumentException(failed.getMessage(), failed);
        }
        context.checkCancelled();
        TrainingSettings training = new TrainingSettings(TrainingSettings.DEFAULT.levels(),
                request.channels(), request.steps(),
                request.batch(), TrainingSettings.DEFAULT.learningRate(), request.seed());
        PairExperiment.Request experiment = new PairExperiment.Request(pairData,
                request.ladder(), training, NoiseSchedule.DEFAULT, Sampler.Kind.STOCHASTIC,
                request.samples(), heldOut, 8, request.seed(), true, cacheRoot);
        PairExperiment.Result outcome = PairExperiment.run(experiment, context,
                latestLoss::set);
        return new Outcome(request, pairData, outcome);
    }

    private void apply(Outcome outcome) {
        data.set(outcome.data());
        displayedSettings = outcome.settings();
        PairExperiment.LiveLoss loss = latestLoss.get();
        if (loss != null) {
            liveLoss.set(loss);
        }
        if (gridSampleCount < 0 || outcome.result().points().stream()
                .noneMatch(p -> p.sampleCount() == gridSampleCount)) {
            gridSampleCount = outcome.result().points().get(0).sampleCount();
        }
        result.set(outcome.result());
        StringBuilder line = new StringBuilder();
        for (PairPoint point : outcome.result().points()) {
            if (line.length() > 0) {
                line.append("   ");
            }
            line.append(String.format(Locale.ROOT, "N = %d: %s", point.sampleCount(),
                    point.regime().label()));
        }
        regimes.set(line.toString());
        refreshGrid();
        running.set(false);
        progress.set(1);
        String notes = outcome.result().notes().isEmpty() ? ""
                : " Cache: " + String.join("; ", outcome.result().notes());
        status.set(String.format(Locale.ROOT, "Done in %.1f s.%s", outcome.result().seconds(),
                notes));
    }

    private void refreshGrid() {
        PairExperiment.Result current = result.get();
        PairData pool = data.get();
        if (current == null || pool == null) {
            grid.set(null);
            return;
        }
        current.points().stream().filter(p -> p.sampleCount() == gridSampleCount).findFirst()
                .ifPresentOrElse(point -> grid.set(PairExperiment.sampleGrid(point, pool,
                        current.request().seed())), () -> grid.set(null));
    }

    /**
     * Checks that the data set {@code data} can be used on this machine.
     *
     * @throws IllegalArgumentException naming the missing file when Fashion-MNIST is asked
     *                                  for and not installed
     */
    void requireData(String data) {
        if (data.equals(PairData.FASHION_MNIST) && !PairData.fashionMnistPresent(catalog)) {
            Path missing = catalog.find("fashion-mnist-train").map(DatasetCatalog.Entry::images)
                    .orElse(catalog.root());
            throw new IllegalArgumentException("Fashion-MNIST is not installed (no file "
                    + missing + "). Install the package dataset-fashion-mnist, or use the "
                    + PairData.POWER_LAW + " data.");
        }
    }

    /** The settings of the run whose result is shown, or null before any result. */
    public Settings displayedSettings() {
        return displayedSettings;
    }

    /** The N whose grid is shown (-1 before any result). */
    public int gridSampleCount() {
        return gridSampleCount;
    }

    @Override
    public void close() {
        runner.close();
    }
}
