package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ReadOnlyHasValue;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import dev.steward.platform.ui.Binders;
import dev.steward.platform.ui.FieldErrors;
import dev.steward.platform.ui.Toasts;
import dev.steward.platform.validation.InvalidInputException;
import dev.steward.reviews.ldap.LdapSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of a system's LDAP source: problems shown on their fields, the password never shown (only whether one
 * is set), and a warning while the form would bind over ldap://.
 */
class LdapSettingsForm extends Div {

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
    /** Shown while the form would bind over ldap://: the password would cross the network readable. */
    final Paragraph cleartext = new Paragraph(LdapSettings.CLEARTEXT_WARNING);
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();
    /** The settings last filled in: their system, version and whether a password is stored. */
    private LdapSettings shown;
    private final Binder<LdapSettings> binder = new Binder<>(LdapSettings.class);

    /** @param edited called on every change the user makes */
    LdapSettingsForm(LdapSettings settings, Runnable edited) {
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
        bind();
        fill(settings);
        FormLayout form = new FormLayout(url, timeout, bindDn, password, groupBaseDn, groupFilter, memberAttribute, groupNameAttribute,
                userIdAttribute, employeeIdAttribute, emailAttribute, displayNameAttribute, lastLoginAttribute);
        url.addValueChangeListener(e -> edited.run());
        for (var f : List.of(bindDn, groupBaseDn, groupFilter, memberAttribute, groupNameAttribute, userIdAttribute, employeeIdAttribute,
                emailAttribute, displayNameAttribute, lastLoginAttribute)) {
            f.addValueChangeListener(e -> edited.run());
        }
        password.addValueChangeListener(e -> edited.run());
        timeout.addValueChangeListener(e -> edited.run());
        url.addValueChangeListener(e -> warnOfCleartext());
        bindDn.addValueChangeListener(e -> warnOfCleartext());
        cleartext.getStyle().set("color", "var(--lumo-error-text-color)");
        warnOfCleartext();
        add(form, cleartext);
    }

    /**
     * Binds every field to its component of the settings, and the components the form does not show (the system, whether
     * a password is stored, the version) to holders, so that {@link Binder#writeRecord()} builds the whole record. The
     * Binder only moves values: the rules are the service's, their problems are shown on the fields ({@link FieldErrors}).
     */
    private void bind() {
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(new ReadOnlyHasValue<Long>(systemId -> { })).bind("systemId");
        binder.forField(new ReadOnlyHasValue<Boolean>(passwordSet -> { })).bind("passwordSet");
        binder.forField(new ReadOnlyHasValue<Integer>(version -> { })).bind("version");
        binder.forField(url).withConverter(Binders.text()).bind("url");
        binder.forField(bindDn).withConverter(Binders.text()).bind("bindDn");
        // write-only: the stored password is never shown; an empty field keeps it
        binder.forField(password).withConverter(Converter.<String, String>from(typed -> typed, stored -> "", Exception::getMessage))
                .bind("bindPassword");
        binder.forField(groupBaseDn).withConverter(Binders.text()).bind("groupBaseDn");
        binder.forField(groupFilter).withConverter(Binders.text()).bind("groupFilter");
        binder.forField(memberAttribute).withConverter(Binders.text()).bind("memberAttribute");
        binder.forField(groupNameAttribute).withConverter(Binders.text()).bind("groupNameAttribute");
        binder.forField(userIdAttribute).withConverter(Binders.text()).bind("userIdAttribute");
        binder.forField(employeeIdAttribute).withConverter(Binders.text()).bind("employeeIdAttribute");
        binder.forField(emailAttribute).withConverter(Binders.text()).bind("emailAttribute");
        binder.forField(displayNameAttribute).withConverter(Binders.text()).bind("displayNameAttribute");
        binder.forField(lastLoginAttribute).withConverter(Binders.text()).bind("lastLoginAttribute");
        binder.forField(timeout).withConverter(Converter.<Integer, Integer>from(typed -> typed == null ? 0 : typed, stored -> stored,
                Exception::getMessage)).bind("connectTimeoutSeconds");
    }

    /** Shows the settings; the password field is emptied, its helper says whether one is stored. */
    void fill(LdapSettings s) {
        shown = s;
        binder.readRecord(s);
        password.setHelperText(s.passwordSet() ? "set; leave empty to keep it" : "not set");
    }

    /** The settings as typed, with the version of those last filled in (an empty password keeps the stored one). */
    LdapSettings read() {
        try {
            return binder.writeRecord();
        } catch (ValidationException notPossible) {
            throw new IllegalStateException("the settings' Binder has no validators", notPossible);
        }
    }

    void showErrors(InvalidInputException invalid) {
        FieldErrors.show(byField, invalid).ifPresent(Toasts::error);
    }

    void clearErrors() {
        FieldErrors.clear(byField);
    }

    private void warnOfCleartext() {
        cleartext.setVisible(new LdapSettings(shown.systemId(), url.getValue(), bindDn.getValue(), null, false, null, null, null, null, null,
                null, null, null, null, 0, null).sendsPasswordInClear());
    }

    private static TextField field(String label, String placeholder) {
        TextField field = new TextField(label);
        field.setPlaceholder(placeholder);
        field.setClearButtonVisible(true);
        return field;
    }
}
