package dev.steward.console.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo theme (light by default, dark on the user's switch), server push for progress bars and live updates. */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/steward.css")
@PWA(name = "Steward", shortName = "Steward")
public class AppShell implements AppShellConfigurator {
}
