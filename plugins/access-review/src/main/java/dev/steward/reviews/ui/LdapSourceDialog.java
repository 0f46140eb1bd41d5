package dev.steward.reviews.ui;

import dev.steward.platform.ui.Background;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.platform.validation.InvalidInputException.Problem;
import dev.steward.reviews.imports.AccessImport;
import dev.steward.reviews.imports.ImportPreview;
import dev.steward.reviews.imports.ImportResult;
import dev.steward.reviews.ldap.ConnectionTest;
import dev.steward.reviews.ldap.LdapSettings;
import dev.steward.reviews.ldap.LdapSourceService;
import dev.steward.reviews.systems.SystemInfo;
import org.jooq.exception.DataChangedException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A system's LDAP source: the settings (problems shown on their fields; the password is never shown, only whether
 * one is set), a connection test, and a preview and import of the saved settings, in the background with progress and
 * cancel, problems listed as in the CSV import. Nothing is imported from settings that are not saved.
 */
class LdapSourceDialog extends Dialog {

    final TextField url = field("Address", "ldaps://ldap.example.org");
    final TextField bindDn = field("Bind DN", "cn=steward,ou=services,dc=example,dc=org (empty: anonymous)");
    final PasswordField password = new PasswordField("Bind password");
    final TextField groupBaseDn = field("Group base DN", "ou=groups,dc=example,dc=org");
    final TextField groupFilter = field("Group filter", LdapSettings.DEFAULT_GROUP_FILTER);
    final TextField memberAttribute = field("Member attribute", "member");
    final TextField groupNameAttribute = field("Group name attribute", "cn");
    final TextField userIdAttribute = field("Account name attribute", "uid");
    final TextField employeeIdAttribute = field("Employee id attribute", "not read");
    final TextField emailAttribute = field("Email attribute", "not read");
    final TextField displayNameAttribute = field("Display name attribute", "not read");
    final TextField lastLoginAttribute = field("Last login attribute", "not read");
    final IntegerField timeout = new IntegerField("Connect timeout (seconds)");
    final Button save = new Button("Save");
    final Button test = new Button("Test connection");
    final Button preview = new Button("Preview import");
    final Button commit = new Button("Import");
    final Button cancel = new Button("Cancel");
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    /** Shown while the form would bind over ldap://: the password would cross the network readable. */
    final Paragraph cleartext = new Paragraph(LdapSettings.CLEARTEXT_WARNING);
    final Grid<Problem> problems = new Grid<>();
    volatile CompletableFuture<Void> work = CompletableFuture.completedFuture(null);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    private final LdapSourceService ldap;
    private final AccessImport imports;
    private final SystemInfo system;
    private LdapSettings saved;
    private boolean changed;

    LdapSourceDialog(LdapSourceService ldap, AccessImport imports, SystemInfo system) {
        this.ldap = ldap;
        this.imports = imports;
        this.system = system;
        setHeaderTitle("LDAP source of " + system.name());
        byField.put("url", url);
        byField.put("bindDn", bindDn);
        byField.put("bindPassword", password);
        byField.put("groupBaseDn", groupBaseDn);
        byField.put("groupFilter", groupFilter);
        byField.put("memberAttribute", memberAttribute);
        byField.put("groupNameAttribute", groupNameAttribute);
        byField.put("userIdAttribute", userIdAttribute);
        byField.put("employeeIdAttribute", employeeIdAttribute);
        byField.put("emailAttribute", emailAttribute);
        byField.put("displayNameAttribute", displayNameAttribute);
        byField.put("lastLoginAttribute", lastLoginAttribute);
        byField.put("connectTimeoutSeconds", timeout);
        timeout.setMin(1);
        timeout.setMax(120);
        saved = ldap.get(system.id()).orElse(null);
        fill(saved == null ? LdapSettings.defaults(system.id()) : saved);
        FormLayout form = new FormLayout(url, timeout, bindDn, password, groupBaseDn, groupFilter, memberAttribute, groupNameAttribute,
                userIdAttribute, employeeIdAttribute, emailAttribute, displayNameAttribute, lastLoginAttribute);
        url.addValueChangeListener(e -> edited());
        for (var f : List.of(bindDn, groupBaseDn, groupFilter, memberAttribute, groupNameAttribute, userIdAttribute, employeeIdAttribute,
                emailAttribute, displayNameAttribute, lastLoginAttribute)) {
            f.addValueChangeListener(e -> edited());
        }
        password.addValueChangeListener(e -> edited());
        timeout.addValueChangeListener(e -> edited());

        problems.addColumn(Problem::message).setHeader("Problem").setFlexGrow(1);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        progress.setIndeterminate(true);
        progress.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        test.addClickListener(e -> testConnection());
        preview.addClickListener(e -> run(false));
        commit.addClickListener(e -> run(true));
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        changed = false;
        updateButtons();
        cleartext.getStyle().set("color", "var(--lumo-error-text-color)");
        warnOfCleartext();
        status.setText(saved == null ? "Enter the directory's settings, test the connection, save, then preview the import."
                : "Preview the import, or change the settings.");
        add(form, cleartext, progress, status, problems);
        getFooter().add(cancel, test, save, preview, commit);
        setWidth("min(60rem, 95vw)");
    }

    private void fill(LdapSettings s) {
        url.setValue(nonNull(s.url()));
        bindDn.setValue(nonNull(s.bindDn()));
        password.clear();
        password.setHelperText(s.passwordSet() ? "set; leave empty to keep it" : "not set");
        groupBaseDn.setValue(nonNull(s.groupBaseDn()));
        groupFilter.setValue(nonNull(s.groupFilter()));
        memberAttribute.setValue(nonNull(s.memberAttribute()));
        groupNameAttribute.setValue(nonNull(s.groupNameAttribute()));
        userIdAttribute.setValue(nonNull(s.userIdAttribute()));
        employeeIdAttribute.setValue(nonNull(s.employeeIdAttribute()));
        emailAttribute.setValue(nonNull(s.emailAttribute()));
        displayNameAttribute.setValue(nonNull(s.displayNameAttribute()));
        lastLoginAttribute.setValue(nonNull(s.lastLoginAttribute()));
        timeout.setValue(s.connectTimeoutSeconds());
    }

    LdapSettings form() {
        return new LdapSettings(system.id(), url.getValue(), bindDn.getValue(), password.getValue(), saved != null && saved.passwordSet(),
                groupBaseDn.getValue(), groupFilter.getValue(), memberAttribute.getValue(), groupNameAttribute.getValue(),
                userIdAttribute.getValue(), employeeIdAttribute.getValue(), emailAttribute.getValue(), displayNameAttribute.getValue(),
                lastLoginAttribute.getValue(), timeout.getValue() == null ? 0 : timeout.getValue(), saved == null ? null : saved.version());
    }

    private void save() {
        clearErrors();
        try {
            saved = ldap.save(form());
            fill(saved);
            changed = false;
            updateButtons();
            status.setText("Saved. Preview the import to see what it would change.");
            Toasts.success("LDAP source of " + system.name() + " saved");
        } catch (InvalidInputException invalid) {
            showErrors(invalid);
        } catch (DataChangedException | IllegalArgumentException e) {
            Toasts.error(e.getMessage());
        }
    }

    private void testConnection() {
        clearErrors();
        UI ui = UI.getCurrent();
        LdapSettings settings = form();
        busy("Connecting…");
        work = Background.run(() -> {
            try {
                ConnectionTest result = ldap.testConnection(settings);
                ui.access(() -> {
                    idle();
                    status.setText((result.connected() ? "✔ " : "✘ ") + result.message());
                });
            } catch (InvalidInputException invalid) {
                ui.access(() -> {
                    idle();
                    status.setText("Correct the marked fields first.");
                    showErrors(invalid);
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    idle();
                    status.setText(e.getMessage());
                });
            }
        });
    }

    private void run(boolean doCommit) {
        UI ui = UI.getCurrent();
        cancelled.set(false);
        busy("Reading the directory…");
        AccessImport.Progress report = new AccessImport.Progress(
                rows -> ui.access(() -> status.setText(String.format("%,d memberships read…", rows))), cancelled::get);
        work = Background.run(() -> {
            try {
                if (doCommit) {
                    ImportResult result = imports.commitLdap(system.id(), report);
                    ui.access(() -> {
                        idle();
                        status.setText(AccessImportDialog.describe(result));
                        cancel.setText("Close");
                    });
                } else {
                    ImportPreview changes = imports.previewLdap(system.id(), report);
                    ui.access(() -> {
                        idle();
                        status.setText(AccessImportDialog.describe(changes));
                    });
                }
            } catch (InvalidInputException e) {
                ui.access(() -> {
                    idle();
                    status.setText("Nothing was imported. " + e.problems().size() + " problem(s)"
                            + (e.problems().size() >= 100 ? " (the first 100)" : "") + ":");
                    problems.setItems(e.problems());
                    problems.setVisible(true);
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    idle();
                    status.setText(e.getMessage());
                });
            }
        });
    }

    private void edited() {
        changed = true;
        updateButtons();
        warnOfCleartext();
    }

    private void warnOfCleartext() {
        cleartext.setVisible(new LdapSettings(system.id(), url.getValue(), bindDn.getValue(), null, false, null, null, null, null, null,
                null, null, null, null, 0, null).sendsPasswordInClear());
    }

    private void busy(String text) {
        problems.setVisible(false);
        progress.setVisible(true);
        status.setText(text);
        for (Button b : List.of(save, test, preview, commit)) {
            b.setEnabled(false);
        }
    }

    private void idle() {
        progress.setVisible(false);
        save.setEnabled(true);
        test.setEnabled(true);
        updateButtons();
    }

    /** Preview and import read the saved settings: only while the form shows them. */
    private void updateButtons() {
        boolean ready = saved != null && !changed;
        preview.setEnabled(ready);
        commit.setEnabled(ready);
        String hint = saved == null ? "Save the settings to import" : "Save the changes to import with them";
        preview.setTooltipText(ready ? null : hint);
        commit.setTooltipText(ready ? null : hint);
    }

    private void showErrors(InvalidInputException invalid) {
        FieldErrors.show(byField, invalid).ifPresent(Toasts::error);
    }

    private void clearErrors() {
        FieldErrors.clear(byField);
    }

    private static TextField field(String label, String placeholder) {
        TextField field = new TextField(label);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        return field;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
