package dev.steward.reviews.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.ldap.ConnectionTest;
import dev.steward.reviews.ldap.LdapSettings;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.SystemInfo;
import dev.steward.platform.validation.ConcurrentChangeException;

/**
 * A system's LDAP source: the settings ({@link LdapSettingsForm}), a connection test, and the preview and import of
 * the saved settings ({@link LdapImportPanel}). Nothing is imported from settings that are not saved.
 */
class LdapSourceDialog extends Dialog {

    final LdapSettingsForm settings;
    final LdapImportPanel importPanel;
    final Button save = new Button("Save");
    final Button test = new Button("Test connection");
    final Button cancel = new Button("Cancel");
    private final LdapSourceService ldap;
    private final SystemInfo system;
    private LdapSettings saved;
    private boolean changed;

    LdapSourceDialog(LdapSourceService ldap, AccessImport imports, SystemInfo system) {
        this.ldap = ldap;
        this.system = system;
        setHeaderTitle("LDAP source of " + system.name());
        saved = ldap.get(system.id()).orElse(null);
        settings = new LdapSettingsForm(saved == null ? LdapSettings.defaults(system.id()) : saved, this::edited);
        importPanel = new LdapImportPanel(imports, system.id(), busy -> {
            save.setEnabled(!busy);
            test.setEnabled(!busy);
        }, () -> cancel.setText("Close"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        test.addClickListener(e -> testConnection());
        cancel.addClickListener(e -> {
            importPanel.cancel();
            close();
        });
        changed = false;
        updateImport();
        importPanel.say(saved == null ? "Enter the directory's settings, test the connection, save, then preview the import."
                : "Preview the import, or change the settings.");
        add(settings, importPanel);
        getFooter().add(cancel, test, save, importPanel.preview, importPanel.commit);
        setWidth("min(60rem, 95vw)");
    }

    private void save() {
        settings.clearErrors();
        try {
            saved = ldap.save(settings.read());
            settings.fill(saved);
            changed = false;
            updateImport();
            importPanel.say("Saved. Preview the import to see what it would change.");
            Toasts.success("LDAP source of " + system.name() + " saved");
        } catch (InvalidInputException invalid) {
            settings.showErrors(invalid);
        } catch (ConcurrentChangeException | IllegalArgumentException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void testConnection() {
        settings.clearErrors();
        UI ui = UI.getCurrent();
        LdapSettings typed = settings.read();
        importPanel.background("Connecting…", () -> {
            try {
                ConnectionTest result = ldap.testConnection(typed);
                ui.access(() -> {
                    importPanel.idle();
                    importPanel.say((result.connected() ? "✔ " : "✘ ") + result.message());
                });
            } catch (InvalidInputException invalid) {
                ui.access(() -> {
                    importPanel.idle();
                    importPanel.say("Correct the marked fields first.");
                    settings.showErrors(invalid);
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    importPanel.idle();
                    importPanel.say(e.getMessage());
                });
            }
        });
    }

    private void edited() {
        changed = true;
        updateImport();
    }

    private void updateImport() {
        importPanel.setReady(saved != null && !changed, saved == null ? "Save the settings to import" : "Save the changes to import with them");
    }
}
