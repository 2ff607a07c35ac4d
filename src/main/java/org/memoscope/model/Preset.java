package org.memoscope.model;

import java.util.Objects;

/**
 * A named scenario worth showing: a title, a paragraph that says what to look
 * for, the view it is meant for, and that view's parameters.
 *
 * <p>Three views have presets: the spiked-model explorer ({@link #SPIKED_VIEW},
 * with {@link ExplorerParameters}), the "Spectra and data" view
 * ({@link #DATA_VIEW}, with {@link DataParameters}, which the "Sample grid" tab
 * shares) and the "Denoiser pair" tab ({@link #DENOISER_VIEW}, with
 * {@link DenoiserParameters}). Exactly the parameters of the preset's view are set; a view added
 * later brings its own name and its own parameters.
 *
 * @param title          a short heading, shown in the menu and above the chart
 * @param explanation    one paragraph: what the scenario shows and where to look
 * @param view           the view the preset is for
 * @param parameters     the spiked-model explorer's parameters (that view only)
 * @param dataParameters the data view's parameters (that view only)
 * @param denoiserParameters the "Denoiser pair" tab's parameters (that view only)
 */
public record Preset(String title, String explanation, String view,
                     ExplorerParameters parameters, DataParameters dataParameters,
                     DenoiserParameters denoiserParameters) {

    /** The spiked linear model explorer (q, m and Q_k against the load). */
    public static final String SPIKED_VIEW = "spiked";

    /** The "Spectra and data" view: power-law spectra and fields, image datasets. */
    public static final String DATA_VIEW = "data";

    /** The "Denoiser pair" tab: two small networks trained on disjoint sets of N images. */
    public static final String DENOISER_VIEW = "denoiser";

    /** Every view that has presets, in the order the menus and messages list them. */
    public static final java.util.List<String> VIEWS =
            java.util.List.of(SPIKED_VIEW, DATA_VIEW, DENOISER_VIEW);

    public Preset {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(view, "view");
        int given = (parameters != null ? 1 : 0) + (dataParameters != null ? 1 : 0)
                + (denoiserParameters != null ? 1 : 0);
        switch (view) {
            case SPIKED_VIEW -> Objects.requireNonNull(parameters, "parameters");
            case DATA_VIEW -> Objects.requireNonNull(dataParameters, "dataParameters");
            case DENOISER_VIEW -> Objects.requireNonNull(denoiserParameters,
                    "denoiserParameters");
            default -> throw new IllegalArgumentException("unknown view " + view);
        }
        if (given != 1) {
            throw new IllegalArgumentException("a " + view + " preset has only the "
                    + view + " view's parameters");
        }
    }

    /** A preset for the spiked-model explorer. */
    public static Preset spiked(String title, String explanation, ExplorerParameters parameters) {
        return new Preset(title, explanation, SPIKED_VIEW, parameters, null, null);
    }

    /** A preset for the "Spectra and data" view. */
    public static Preset data(String title, String explanation, DataParameters parameters) {
        return new Preset(title, explanation, DATA_VIEW, null, parameters, null);
    }

    /** A preset for the "Denoiser pair" tab. */
    public static Preset denoiser(String title, String explanation,
                                  DenoiserParameters parameters) {
        return new Preset(title, explanation, DENOISER_VIEW, null, null, parameters);
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

    /**
     * The "Denoiser pair" tab's parameters.
     *
     * @throws IllegalStateException for a preset of another view
     */
    @Override
    public DenoiserParameters denoiserParameters() {
        if (denoiserParameters == null) {
            throw new IllegalStateException("the preset '" + title + "' is for the " + view
                    + " view, not the denoiser pair");
        }
        return denoiserParameters;
    }
}
