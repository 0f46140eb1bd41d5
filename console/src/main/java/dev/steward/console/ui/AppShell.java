package dev.steward.console.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Lumo theme (light by default, dark on the user's switch), server push for progress bars and live updates.
 * Deliberately not a PWA: Vaadin's service worker precaches the root page (for an anonymous visitor, the login page)
 * and serves that copy whenever a navigation fails, which once left a user who had just signed in on a stale login
 * page; a server-side console has nothing useful to offer offline anyway.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/steward.css")
public class AppShell implements AppShellConfigurator {
}
