package dev.steward.reviews.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
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

    /** Shows the settings; the password field is emptied, its helper says whether one is stored. */
    void fill(LdapSettings s) {
        shown = s;
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

    /** The settings as typed, with the version of those last filled in (an empty password keeps the stored one). */
    LdapSettings read() {
        return new LdapSettings(shown.systemId(), url.getValue(), bindDn.getValue(), password.getValue(), shown.passwordSet(),
                groupBaseDn.getValue(), groupFilter.getValue(), memberAttribute.getValue(), groupNameAttribute.getValue(),
                userIdAttribute.getValue(), employeeIdAttribute.getValue(), emailAttribute.getValue(), displayNameAttribute.getValue(),
                lastLoginAttribute.getValue(), timeout.getValue() == null ? 0 : timeout.getValue(), shown.version());
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

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
