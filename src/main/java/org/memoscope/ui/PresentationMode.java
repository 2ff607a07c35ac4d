package org.memoscope.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;

/**
 * The window-wide presentation switch: large fonts, thick lines, high contrast
 * and no side panels, for a projector. It puts the style class
 * {@value #STYLE_CLASS} on the window's root (the style sheet enlarges every
 * text under it) and tells each registered view, which hides its own controls
 * and scales its charts.
 */
final class PresentationMode {

    /** Style class on the window's root while presenting. */
    static final String STYLE_CLASS = "presentation";

    /** Text of a sample grid while presenting, relative to its normal size (as 22 px to 13 px). */
    static final float GRID_TEXT_SCALE = 1.6f;

    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final List<Consumer<Boolean>> views = new ArrayList<>();

    PresentationMode(Parent root) {
        active.addListener((obs, was, now) -> {
            if (now) {
                root.getStyleClass().add(STYLE_CLASS);
            } else {
                root.getStyleClass().remove(STYLE_CLASS);
            }
            views.forEach(view -> view.accept(now));
        });
    }

    BooleanProperty activeProperty() {
        return active;
    }

    boolean isActive() {
        return active.get();
    }

    void toggle() {
        active.set(!active.get());
    }

    /** Tells {@code view} of every change from now on, and of the current state. */
    void register(Consumer<Boolean> view) {
        views.add(view);
        view.accept(active.get());
    }
}
