package org.memoscope.cli;

import java.util.function.Supplier;

/**
 * Turns a request the data source refuses ({@link IllegalArgumentException}: n above half
 * the images, sizes beyond the heap, too many factors) into a {@link BadInput} whose message
 * names the data.
 */
final class CommandRequests {

    private CommandRequests() {
    }

    /** The value of {@code step}, or a {@link BadInput} naming {@code label}. */
    static <T> T checked(String label, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException refused) {
            String message = refused.getMessage();
            throw new BadInput(message.contains(label) ? message : label + ": " + message,
                    refused);
        }
    }
}
