package org.memoscope.ui;

import java.util.Locale;
import java.util.function.DoubleFunction;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One numeric parameter: a label, a slider (linear or logarithmic) and an
 * editable field that accepts a typed value on Enter or when focus leaves it.
 * A value that does not parse or is out of range marks the field in red, says
 * why in its tooltip, and leaves the parameter unchanged.
 *
 * <p>{@link #valueProperty()} is in the parameter's own units; the slider of a
 * log-scale control moves in log10 of them.
 *
 * <p>Keyboard, with the slider focused: Left/Down and Right/Up step by 1% of the
 * slider's travel, Page Down/Page Up by 10%, Home/End go to the ends. A step
 * always changes a whole-number parameter by at least one, and a real one is
 * rounded to three significant digits, as when dragging.
 */
final class ParameterControl {

    private final String name;
    private final double min;
    private final double max;
    private final boolean logScale;
    private final boolean integer;
    private final DoubleFunction<String> format;
    private final DoubleProperty value = new SimpleDoubleProperty();
    private final Slider slider = new Slider();
    private final TextField field = new TextField();
    private final Tooltip fieldTip = new Tooltip();
    private final Label problem = new Label();
    private final VBox node;
    private boolean syncing;

    ParameterControl(String name, String help, double min, double max, double initial,
                     boolean logScale, boolean integer, DoubleFunction<String> format) {
        this.name = name;
        this.min = min;
        this.max = max;
        this.logScale = logScale;
        this.integer = integer;
        this.format = format;

        slider.setMin(toSlider(min));
        slider.setMax(toSlider(max));
        slider.setBlockIncrement((slider.getMax() - slider.getMin()) / 100);
        slider.setAccessibleText(name);
        slider.setTooltip(new Tooltip(help + "\nKeys: arrows step, Page Up/Down jump,"
                + " Home/End go to the ends."));
        HBox.setHgrow(slider, Priority.ALWAYS);

        field.setPrefColumnCount(6);
        field.setAlignment(Pos.CENTER_RIGHT);
        fieldTip.setText(help + "\nType a value in [" + format.apply(min) + ", "
                + format.apply(max) + "] and press Enter.");
        field.setTooltip(fieldTip);
        field.setAccessibleText(name + " value");

        Label label = new Label(name);
        label.getStyleClass().add("parameter-name");
        label.setLabelFor(slider);
        label.setTooltip(new Tooltip(help));

        HBox row = new HBox(6, slider, field);
        row.setAlignment(Pos.CENTER_LEFT);
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setVisible(false);
        problem.managedProperty().bind(problem.visibleProperty());
        node = new VBox(2, label, row, problem);
        node.getStyleClass().add("parameter");

        value.set(clamp(initial));
        showValue(value.get());
        slider.valueProperty().addListener((obs, old, now) -> fromSlider(now.doubleValue()));
        // A filter, so the slider's own key handling (no page keys, no minimum step) never runs.
        slider.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        value.addListener((obs, old, now) -> showValue(now.doubleValue()));
        field.setOnAction(event -> commitField());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitField();
            }
        });
        field.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                showValue(value.get());
            }
        });
    }

    VBox node() {
        return node;
    }

    Slider slider() {
        return slider;
    }

    TextField field() {
        return field;
    }

    DoubleProperty valueProperty() {
        return value;
    }

    double value() {
        return value.get();
    }

    /**
     * Moves the value by keyboard steps: {@code steps} of 1% of the slider's travel
     * (10 for a page), negative to go down. Whole-number parameters move by at least
     * one; real ones are rounded to three significant digits.
     */
    void step(int steps) {
        double current = value.get();
        double moved = toSlider(current) + steps * slider.getBlockIncrement();
        double next = clamp(fromSliderUnits(moved));
        if (integer && next == current && steps != 0) {
            next = clamp(current + Math.signum(steps));
        } else if (!integer) {
            next = clamp(roundToSignificant(next, 3));
        }
        value.set(next);
    }

    private void onKey(KeyEvent event) {
        KeyCode code = event.getCode();
        if (event.isShortcutDown() || event.isAltDown()) {
            return;
        }
        switch (code) {
            case RIGHT, UP, KP_RIGHT, KP_UP -> step(1);
            case LEFT, DOWN, KP_LEFT, KP_DOWN -> step(-1);
            case PAGE_UP -> step(10);
            case PAGE_DOWN -> step(-10);
            case HOME -> value.set(min);
            case END -> value.set(max);
            default -> {
                return;
            }
        }
        event.consume();
    }

    /** Sets the value from code (clamped to the range), moving slider and field. */
    void setValue(double newValue) {
        value.set(clamp(newValue));
    }

    private double toSlider(double v) {
        return logScale ? Math.log10(v) : v;
    }

    private double fromSliderUnits(double s) {
        return logScale ? Math.pow(10, s) : s;
    }

    private double clamp(double v) {
        double clamped = Math.max(min, Math.min(max, v));
        return integer ? Math.rint(clamped) : clamped;
    }

    private void fromSlider(double sliderValue) {
        if (syncing) {
            return;
        }
        double v = clamp(fromSliderUnits(sliderValue));
        if (logScale && !integer) {
            v = roundToSignificant(v, 3);
        }
        value.set(v);
    }

    private void showValue(double v) {
        syncing = true;
        try {
            slider.setValue(toSlider(v));
            field.setText(format.apply(v));
            markValid();
        } finally {
            syncing = false;
        }
    }

    private void commitField() {
        String text = field.getText().trim();
        double typed;
        try {
            typed = Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            markInvalid("'" + text + "' is not a number");
            return;
        }
        if (!(typed >= min && typed <= max)) {
            markInvalid(name + " must lie in [" + format.apply(min) + ", " + format.apply(max)
                    + "]");
            return;
        }
        if (integer && typed != Math.rint(typed)) {
            markInvalid(name + " must be a whole number");
            return;
        }
        if (typed == value.get()) {
            showValue(typed);
        } else {
            value.set(typed);
        }
    }

    private void markInvalid(String reason) {
        if (!field.getStyleClass().contains("invalid")) {
            field.getStyleClass().add("invalid");
        }
        fieldTip.setText(reason + ". Press Escape to restore " + format.apply(value.get()) + ".");
        problem.setText(fieldTip.getText());
        problem.setVisible(true);
    }

    private void markValid() {
        problem.setVisible(false);
        field.getStyleClass().remove("invalid");
    }

    private static double roundToSignificant(double v, int digits) {
        if (v == 0) {
            return 0;
        }
        double scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(Math.abs(v))));
        return Math.round(v * scale) / scale;
    }

    static String formatLoad(double v) {
        return String.format(Locale.ROOT, v < 10 ? "%.3g" : "%.4g", v);
    }
}
