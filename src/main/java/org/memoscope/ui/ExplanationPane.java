package org.memoscope.ui;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The help text that says what the selected tab shows. For the spiked model: the
 * definitions of m, q and Q and, in words, the formula behind each theory curve; the
 * other tabs reuse the notes they show under their own controls. Opened from the Help
 * menu in a window of its own, so it can stay beside the chart.
 */
final class ExplanationPane {

    /** The tab the text is about. */
    enum Topic {
        SPIKED("Spiked model"),
        DATA("Spectra and data"),
        GRID("Sample grid"),
        PAIR("Denoiser pair");

        private final String tabName;

        Topic(String tabName) {
            this.tabName = tabName;
        }

        /** The tab's name, as on the tab. */
        String tabName() {
            return tabName;
        }
    }

    /** A heading and the paragraphs under it. */
    private record Section(String heading, List<String> paragraphs) {
    }

    private static final List<Section> DATA_SECTIONS = List.of(
            new Section("Spectra and data", List.of(
                    "The same q, m and Q_k as on the Spiked model tab, against the load"
                            + " γ = n/d, for a power-law spectrum, power-law image fields or"
                            + " an image data set. Lines: the theory for Gaussian data with"
                            + " the data's own spectrum; points: two linear models fitted on"
                            + " disjoint training sets (mean ± one standard error). The small"
                            + " chart shows how far the learnt covariance is from the true"
                            + " one, in its bulk and in its top eigenspaces.",
                    DataView.NOTE)));

    private static final List<Section> GRID_SECTIONS = List.of(
            new Section("Sample grid", List.of(
                    "Samples of the two linear models at the chosen load, drawn from the"
                            + " same seeds, beside the training images nearest to them.",
                    SampleGridView.EXPLANATION)));

    private static final List<Section> PAIR_SECTIONS = List.of(
            new Section("Denoiser pair", List.of(PairView.EXPLANATION,
                    "Other charts: the denoising error on the networks' own training images"
                            + " and on held-out ones against N; the mean squared difference"
                            + " between A's and B's outputs against the noise level; and the"
                            + " training loss of network A for each N.")));

    private static final List<Section> SECTIONS = List.of(
            new Section("The experiment", List.of(
                    "Two linear generative models are fitted on two disjoint training sets of"
                            + " the same size n, drawn from the same Gaussian data in d"
                            + " dimensions. Fitting means estimating the covariance S of the"
                            + " data (plus the ridge λ times the identity); sampling means"
                            + " multiplying a seed z of independent standard normals by the"
                            + " square root of that covariance. This is what a perfectly"
                            + " trained linear diffusion model does.",
                    "The data have a few hidden directions, the latent factors v_k, along"
                            + " which the variance is raised by the spike strength β_k."
                            + " Everything is drawn against the load γ = n/d, the number of"
                            + " training samples per dimension.")),
            new Section("q — convergence", List.of(
                    "Draw one seed z and give it to both models: q is the average cosine"
                            + " between the two samples. It is 0 when the models share"
                            + " nothing and 1 when they produce the same sample, that is"
                            + " when both have learnt the same distribution instead of"
                            + " their own training set.",
                    "Theory line: take the Marchenko–Pastur law of the eigenvalues of a"
                            + " sample covariance at aspect ratio 1/γ, average the square"
                            + " root of an eigenvalue over it, and square the result. With a"
                            + " ridge λ the square root is taken of the eigenvalue plus λ and"
                            + " the result is divided by 1 + λ. The spikes change only a"
                            + " handful of eigenvalues out of d, so q does not depend on β"
                            + " at all.")),
            new Section("m — memorisation", List.of(
                    "For each sample, find the training point of its own model with the"
                            + " largest absolute cosine to it; m is the average of that"
                            + " cosine. m = 1 means every sample is a copy of a training"
                            + " point; small m means the samples are new.",
                    "Theory line: while the training points are few compared with d they are"
                            + " nearly orthogonal and a sample is a random Gaussian mixture"
                            + " of them, so m is the expected largest share of one weight"
                            + " among n Gaussian weights: the largest absolute weight"
                            + " divided by the length of the whole weight vector (with the"
                            + " ridge adding λn under the square root). At larger loads a"
                            + " finite-d correction accounts for the other training points"
                            + " leaking onto each one; it is an approximation checked"
                            + " against the simulation, so m is the one curve that depends"
                            + " on the dimension d.")),
            new Section("Q_k — latent recovery", List.of(
                    "Q_k is the squared cosine between the true latent factor v_k and the"
                            + " k-th principal direction of the learnt covariance (the"
                            + " covariance of the generated samples). 0 means the model has"
                            + " not found the factor, 1 means it found it exactly.",
                    "Theory line (the BBP transition): Q_k stays exactly 0 up to the load"
                            + " 1/β_k², the dashed line of the same colour. Above it, Q_k"
                            + " equals one minus 1/(γβ_k²), divided by one plus 1/(γβ_k)."
                            + " A ridge adds the same amount to every eigenvalue and leaves"
                            + " the eigenvectors alone, so Q does not depend on λ.")),
            new Section("Reading the chart", List.of(
                    "Lines are the high-dimensional theory; points with bars are the"
                            + " simulation at the chosen d (mean and one standard error over"
                            + " repetitions and seeds). The solid vertical line is the"
                            + " cursor γ; the readout under the chart gives the values"
                            + " there.",
                    "The point of the picture: q rises smoothly with the load and ignores the"
                            + " latent factors, while each Q_k switches on sharply at its own"
                            + " threshold. A strong factor is found long before the two"
                            + " models agree; a weak one only long after.")));

    private ExplanationPane() {
    }

    /** The help text about the spiked model in a scrolling pane. */
    static ScrollPane create() {
        return create(Topic.SPIKED);
    }

    /** The help text about {@code topic}'s tab in a scrolling pane. */
    static ScrollPane create(Topic topic) {
        VBox text = new VBox(6);
        text.setPadding(new Insets(16));
        text.getStyleClass().add("explanation");
        for (Section section : sections(topic)) {
            Label heading = new Label(section.heading());
            heading.getStyleClass().add("section-title");
            text.getChildren().add(heading);
            for (String paragraph : section.paragraphs()) {
                Label label = new Label(paragraph);
                label.setWrapText(true);
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                text.getChildren().add(label);
            }
        }
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.setId("explanation");
        return scroll;
    }

    /** The headings about the spiked model, for tests. */
    static List<String> headings() {
        return headings(Topic.SPIKED);
    }

    /** The headings about {@code topic}'s tab, for tests. */
    static List<String> headings(Topic topic) {
        return sections(topic).stream().map(Section::heading).toList();
    }

    private static List<Section> sections(Topic topic) {
        return switch (topic) {
            case SPIKED -> SECTIONS;
            case DATA -> DATA_SECTIONS;
            case GRID -> GRID_SECTIONS;
            case PAIR -> PAIR_SECTIONS;
        };
    }
}
