package org.memoscope.io;

/**
 * A state text that cannot be read; the message names the key and the problem
 * and is fit to show the user as it is.
 */
public final class StateTextException extends IllegalArgumentException {

    public StateTextException(String message) {
        super(message);
    }
}
