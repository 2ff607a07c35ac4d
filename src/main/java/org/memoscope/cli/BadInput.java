package org.memoscope.cli;

/**
 * Input data the command cannot use (a corrupt or missing file, an empty folder, images of
 * mixed sizes, a training set larger than half the data, sizes beyond the heap): its message,
 * which names the file or source and the problem, is shown as it is after "memoscope: ", and
 * the command exits with the usage status 2 before anything is written.
 */
final class BadInput extends RuntimeException {

    BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
