package org.memoscope.model;

import java.util.Objects;

/**
 * A named scenario worth showing: a title, a paragraph that says what to look
 * for, the view it is meant for, and that view's parameters.
 *
 * <p>Only the spiked-model explorer exists so far ({@link #SPIKED_VIEW}); a view
 * added later brings its own parameters and its own name for {@code view}, and
 * the preset reader learns to tell them apart by that name.
 *
 * @param title       a short heading, shown in the menu and above the chart
 * @param explanation one paragraph: what the scenario shows and where to look
 * @param view        the view the preset is for; {@link #SPIKED_VIEW} for now
 * @param parameters  the spiked-model explorer's parameters
 */
public record Preset(String title, String explanation, String view,
                     ExplorerParameters parameters) {

    /** The spiked linear model explorer (q, m and Q_k against the load). */
    public static final String SPIKED_VIEW = "spiked";

    public Preset {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(parameters, "parameters");
        if (!SPIKED_VIEW.equals(view)) {
            throw new IllegalArgumentException("unknown view " + view);
        }
    }

    /** A preset for the spiked-model explorer. */
    public static Preset spiked(String title, String explanation, ExplorerParameters parameters) {
        return new Preset(title, explanation, SPIKED_VIEW, parameters);
    }
}
