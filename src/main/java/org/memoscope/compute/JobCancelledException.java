package org.memoscope.compute;

/** Thrown from inside a job when its context reports cancellation. */
public final class JobCancelledException extends RuntimeException {

    public JobCancelledException() {
        super("job cancelled", null, false, false);
    }
}
