package org.memoscope.compute;

/**
 * Receives a job's outcome. Every call arrives through the delivery executor of
 * the {@link LatestJobRunner} (the FX thread in the window), and only while the
 * job is still the newest one submitted: a superseded job reports nothing.
 *
 * @param <T> the result type
 */
public interface JobListener<T> {

    void progress(double fraction, String message);

    void succeeded(T result);

    void failed(Throwable error);
}
