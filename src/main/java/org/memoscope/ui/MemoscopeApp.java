package org.memoscope.ui;

import java.util.Objects;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The Memoscope window: menu bar over the explorer view. Setting the environment
 * variable {@code MEMOSCOPE_EXIT_AFTER} to a number of seconds closes the window
 * by itself after that long (for scripted screenshots).
 */
public final class MemoscopeApp extends Application {

    private ExplorerViewModel model;
    private final TabPane tabs = new TabPane();

    /** Opens the window and blocks until it is closed. */
    public static void launchWindow(String[] args) {
        Application.launch(MemoscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        model = new ExplorerViewModel();
        ExplorerView view = new ExplorerView(model);
        Tab explorer = new Tab("Spiked model", view.root());
        explorer.setId("tab-spiked");
        explorer.setClosable(false);
        tabs.getTabs().add(explorer);
        tabs.setId("tabs");
        BorderPane root = new BorderPane(tabs);
        root.setTop(buildMenu(stage));

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                MemoscopeApp.class.getResource("memoscope.css")).toExternalForm());
        stage.setTitle("Memoscope — memorisation, convergence and latent recovery");
        stage.setScene(scene);
        stage.show();
        scheduleExitIfAsked();
    }

    private MenuBar buildMenu(Stage stage) {
        MenuItem reset = new MenuItem("Reset all");
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reset.setOnAction(event -> model.reset());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(event -> stage.close());
        Menu file = new Menu("File", null, reset, new SeparatorMenuItem(), quit);

        MenuItem about = new MenuItem("About Memoscope");
        about.setOnAction(event -> {
            Alert alert = new Alert(Alert.AlertType.INFORMATION);
            alert.setHeaderText("Memoscope");
            alert.setContentText("Explore how linear generative models pass from memorising"
                    + " their training set to generalising: memorisation m, convergence q and"
                    + " latent recovery Q against the load γ = n/d.");
            alert.initOwner(stage);
            alert.show();
        });
        Menu help = new Menu("Help", null, about);
        return new MenuBar(file, help);
    }

    private static void scheduleExitIfAsked() {
        String seconds = System.getenv("MEMOSCOPE_EXIT_AFTER");
        if (seconds == null || seconds.isBlank()) {
            return;
        }
        javafx.animation.PauseTransition delay =
                new javafx.animation.PauseTransition(Duration.seconds(Double.parseDouble(seconds)));
        delay.setOnFinished(event -> Platform.exit());
        delay.play();
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
    }
}
