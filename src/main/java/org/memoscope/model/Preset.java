package org.memoscope.model;

import java.util.Objects;

/**
 * A named scenario worth showing: a title, a paragraph that says what to look
 * for, the view it is meant for, and that view's parameters.
 *
 * <p>Two views have presets: the spiked-model explorer ({@link #SPIKED_VIEW},
 * with {@link ExplorerParameters}) and the "Spectra and data" view
 * ({@link #DATA_VIEW}, with {@link DataParameters}, which the "Sample grid" tab
 * shares). Exactly the parameters of the preset's view are set; a view added
 * later brings its own name and its own parameters.
 *
 * @param title          a short heading, shown in the menu and above the chart
 * @param explanation    one paragraph: what the scenario shows and where to look
 * @param view           the view the preset is for
 * @param parameters     the spiked-model explorer's parameters (that view only)
 * @param dataParameters the data view's parameters (that view only)
 */
public record Preset(String title, String explanation, String view,
                     ExplorerParameters parameters, DataParameters dataParameters) {

    /** The spiked linear model explorer (q, m and Q_k against the load). */
    public static final String SPIKED_VIEW = "spiked";

    /** The "Spectra and data" view: power-law spectra and fields, image datasets. */
    public static final String DATA_VIEW = "data";

    public Preset {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(view, "view");
        if (view.equals(SPIKED_VIEW)) {
            Objects.requireNonNull(parameters, "parameters");
            if (dataParameters != null) {
                throw new IllegalArgumentException("a spiked-model preset has no data parameters");
            }
        } else if (view.equals(DATA_VIEW)) {
            Objects.requireNonNull(dataParameters, "dataParameters");
            if (parameters != null) {
                throw new IllegalArgumentException("a data preset has no spiked-model parameters");
            }
        } else {
            throw new IllegalArgumentException("unknown view " + view);
        }
    }

    /** A preset for the spiked-model explorer. */
    public static Preset spiked(String title, String explanation, ExplorerParameters parameters) {
        return new Preset(title, explanation, SPIKED_VIEW, parameters, null);
    }

    /** A preset for the "Spectra and data" view. */
    public static Preset data(String title, String explanation, DataParameters parameters) {
        return new Preset(title, explanation, DATA_VIEW, null, parameters);
    }

    /** Whether this preset is for the spiked-model explorer. */
    public boolean isSpiked() {
        return view.equals(SPIKED_VIEW);
    }

    /**
     * The spiked-model explorer's parameters.
     *
     * @throws IllegalStateException for a preset of another view
     */
    @Override
    public ExplorerParameters parameters() {
        if (parameters == null) {
            throw new IllegalStateException("the preset '" + title + "' is for the " + view
                    + " view, not the spiked model");
        }
        return parameters;
    }

    /**
     * The data view's parameters.
     *
     * @throws IllegalStateException for a preset of another view
     */
    @Override
    public DataParameters dataParameters() {
        if (dataParameters == null) {
            throw new IllegalStateException("the preset '" + title + "' is for the " + view
                    + " view, not the data view");
        }
        return dataParameters;
    }
}
