package org.memoscope.cli;

/**
 * A failure while running a command (not a usage error): its message is shown
 * to the user as it is, after "memoscope: ", and the command exits with status 1.
 */
final class CliFailure extends RuntimeException {

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
