package org.memoscope.ui;

import java.io.InputStream;
import java.util.List;
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
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.memoscope.io.PresetCatalog;
import org.memoscope.model.Preset;

/**
 * The Memoscope window: menu bar over the explorer view. Setting the environment
 * variable {@code MEMOSCOPE_EXIT_AFTER} to a number of seconds closes the window
 * by itself after that long (for scripted screenshots).
 *
 * <p>Start-up arguments (after {@code app}): {@code --presentation} (or the
 * environment variable {@code MEMOSCOPE_PRESENTATION=1}) starts in presentation
 * mode, {@code --preset NAME|FILE} and {@code --state TEXT} start from a preset or
 * a state text.
 */
public final class MemoscopeApp extends Application {

    private ExplorerViewModel model;
    private ExplorerActions actions;
    private ExplorerMenus menus;
    private PresentationMode presentation;
    private final TabPane tabs = new TabPane();
    private final DataTabs dataTabs = new DataTabs();
    private final PairTab pairTab = new PairTab();

    /** Opens the window and blocks until it is closed. */
    public static void launchWindow(String[] args) {
        Application.launch(MemoscopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        model = new ExplorerViewModel();
        ExplorerView view = new ExplorerView(model);
        actions = new ExplorerActions(model, view);
        Tab explorer = new Tab("Spiked model", view.root());
        explorer.setId("tab-spiked");
        explorer.setClosable(false);
        tabs.getTabs().add(explorer);
        tabs.getTabs().addAll(dataTabs.tabs());
        tabs.getTabs().add(pairTab.tab());
        tabs.setId("tabs");
        actions.attachDataTabs(dataTabs, explorer);
        actions.attachPairTab(pairTab);
        BorderPane root = new BorderPane(tabs);
        presentation = new PresentationMode(root);
        presentation.register(view::setPresentation);
        presentation.register(dataTabs::setPresentation);
        presentation.register(pairTab::setPresentation);
        menus = new ExplorerMenus(stage, actions, presentation);
        tabs.getSelectionModel().selectedItemProperty().addListener(
                (obs, old, now) -> menus.tabChanged());
        root.setTop(buildMenu(stage));

        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                MemoscopeApp.class.getResource("memoscope.css")).toExternalForm());
        stage.setTitle("Memoscope — memorisation, convergence and latent recovery");
        stage.setScene(scene);
        addIcon(stage);
        // The start-up arguments go in before the window shows, so that its first layout and
        // chart drawing are already those of the preset or state asked for.
        String refused = applyStartArguments(getParameters().getRaw());
        StartupTiming.logFirstFrame(scene);
        stage.show();
        if (refused != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, refused);
            alert.setHeaderText("Cannot use a start-up argument");
            alert.initOwner(stage);
            alert.show();
        }
        scheduleExitIfAsked();
    }

    private static void addIcon(Stage stage) {
        try (InputStream icon = MemoscopeApp.class.getResourceAsStream("icon.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (java.io.IOException ignored) {
            // A window without an icon is still a working window.
        }
    }

    /**
     * --presentation, --preset NAME|FILE and --state TEXT; a bad one is not fatal.
     *
     * @return why an argument was refused, for a dialog; null when all were used
     */
    private String applyStartArguments(List<String> args) {
        if ("1".equals(System.getenv("MEMOSCOPE_PRESENTATION"))) {
            presentation.activeProperty().set(true);
        }
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                boolean hasValue = i + 1 < args.size();
                if (arg.equals("--presentation")) {
                    presentation.activeProperty().set(true);
                } else if (arg.equals("--preset") && hasValue) {
                    Preset preset = PresetCatalog.resolve(args.get(++i));
                    actions.apply(preset);
                } else if (arg.equals("--state") && hasValue) {
                    actions.applyState(args.get(++i));
                } else if (!arg.equals("app")) {
                    throw new IllegalArgumentException("unknown start-up argument '" + arg
                            + "' (the window takes --presentation, --preset NAME|FILE,"
                            + " --state TEXT)");
                }
            }
        } catch (java.io.IOException | IllegalArgumentException bad) {
            return bad.getMessage();
        }
        return null;
    }

    private MenuBar buildMenu(Stage stage) {
        MenuItem reset = new MenuItem("Reset all (this tab)");
        reset.setId("reset-all");
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reset.setOnAction(event -> {
            try {
                actions.reset();
            } catch (IllegalStateException refused) {
                Alert alert = new Alert(Alert.AlertType.INFORMATION, refused.getMessage());
                alert.setHeaderText("Nothing to reset here");
                alert.initOwner(stage);
                alert.show();
            }
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(event -> stage.close());
        Menu file = new Menu("_File");
        file.getItems().addAll(dataTabs.openDatasetMenu(stage), new SeparatorMenuItem());
        file.getItems().addAll(menus.fileItems());
        file.getItems().addAll(reset, new SeparatorMenuItem(), quit);

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
        Menu help = new Menu("_Help", null, menus.explanationItem(), about);
        return new MenuBar(file, menus.editMenu(), menus.viewMenu(), help);
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
        dataTabs.close();
        pairTab.close();
    }
}
