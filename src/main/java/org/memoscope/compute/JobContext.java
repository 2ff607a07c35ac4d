package org.memoscope.compute;

/**
 * What a running job sees of the outside world: whether it should stop, and
 * where to report progress. Long loops call {@link #checkCancelled()} once per
 * unit of work (a repetition, a grid point).
 */
public interface JobContext {

    /** A context that is never cancelled and ignores progress, for the CLI and tests. */
    JobContext NONE = new JobContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void reportProgress(double fraction, String message) {
        }
    };

    boolean isCancelled();

    /**
     * Reports how far the job is.
     *
     * @param fraction between 0 and 1
     * @param message  a short human-readable note of the current step
     */
    void reportProgress(double fraction, String message);

    /** Throws {@link JobCancelledException} if the job has been cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }
}
