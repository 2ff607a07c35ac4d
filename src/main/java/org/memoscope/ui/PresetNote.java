package org.memoscope.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import org.memoscope.model.Preset;

/**
 * The note above the chart that says which preset is loaded and what to look
 * for in it: the preset's title and its explanation, with a button that hides it.
 * Hidden (and taking no room) while no preset is shown.
 */
final class PresetNote {

    private final Label title = new Label();
    private final Label explanation = new Label();
    private final BorderPane node = new BorderPane();
    private boolean compact;

    PresetNote() {
        this("");
    }

    /** A note whose nodes' ids start with {@code idPrefix} ("data-" gives "data-preset-title"). */
    PresetNote(String idPrefix) {
        title.setId(idPrefix + "preset-title");
        title.getStyleClass().add("preset-title");
        explanation.setId(idPrefix + "preset-explanation");
        explanation.getStyleClass().add("preset-explanation");
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        Button close = new Button("×");
        close.setId(idPrefix + "preset-close");
        close.setTooltip(new Tooltip("Hide this note (the parameters stay as they are)"));
        close.setAccessibleText("Hide the preset note");
        close.setOnAction(event -> hide());
        close.getStyleClass().add("preset-close");
        BorderPane.setAlignment(close, Pos.TOP_RIGHT);

        VBox text = new VBox(4, title, explanation);
        node.setCenter(text);
        node.setRight(close);
        node.setPadding(new Insets(8, 12, 8, 12));
        node.getStyleClass().add("preset-note");
        node.setId(idPrefix + "preset-note");
        hide();
    }

    BorderPane node() {
        return node;
    }

    /** Shows the title and explanation of {@code preset}. */
    void show(Preset preset) {
        title.setText(preset.title());
        explanation.setText(preset.explanation());
        setCompact(compact);
        node.setVisible(true);
        node.setManaged(true);
    }

    void hide() {
        node.setVisible(false);
        node.setManaged(false);
    }

    /**
     * Compact: only the title, the explanation in the title's tooltip (for
     * presentation mode, where the chart needs the room).
     */
    void setCompact(boolean compact) {
        this.compact = compact;
        explanation.setVisible(!compact);
        explanation.setManaged(!compact);
        title.setTooltip(compact && !explanation.getText().isEmpty()
                ? new Tooltip(explanation.getText()) : null);
    }

    boolean isShowing() {
        return node.isVisible();
    }

    String title() {
        return title.getText();
    }
}
