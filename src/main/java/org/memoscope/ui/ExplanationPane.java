package org.memoscope.ui;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/**
 * The help text that says what the chart shows: the definitions of m, q and Q
 * and, in words, the formula behind each theory curve. Opened from the Help menu
 * in a window of its own, so it can stay beside the chart.
 */
final class ExplanationPane {

    /** A heading and the paragraphs under it. */
    private record Section(String heading, List<String> paragraphs) {
    }

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

    /** The help text in a scrolling pane. */
    static ScrollPane create() {
        VBox text = new VBox(6);
        text.setPadding(new Insets(16));
        text.getStyleClass().add("explanation");
        for (Section section : SECTIONS) {
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

    /** The headings, for tests. */
    static List<String> headings() {
        return SECTIONS.stream().map(Section::heading).toList();
    }
}
