package dev.steward.reviews.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import dev.steward.platform.validation.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Cleans settings as typed (trims, blanks to null, defaults) and checks them field by field. */
final class LdapSettingsCheck {

    /** An attribute description: a name with options ({@code cn;lang-en}) or an OID. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*(;[A-Za-z0-9-]+)*|[0-9]+(\\.[0-9]+)+");

    private LdapSettingsCheck() {
    }

    /**
     * The settings trimmed, with defaults for a blank filter and timeout; throws with every problem at once.
     *
     * @param stored the saved settings with their password, if any: a blank password field keeps (or tests with) the
     *               stored password only while the address and bind DN stay the same, so that it is never sent to
     *               another server
     */
    static final int MAX_PASSWORD = 256;

    static LdapSettings clean(LdapSettings s, LdapSettings stored) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        String url = text(s.url());
        String bindDn = text(s.bindDn());
        String password = s.bindPassword() == null || s.bindPassword().isEmpty() ? null : s.bindPassword();
        String baseDn = text(s.groupBaseDn());
        String filter = text(s.groupFilter()) == null ? LdapSettings.DEFAULT_GROUP_FILTER : text(s.groupFilter());

        if (url == null) {
            problems.add(problem("url", "Enter the directory's address, e.g. ldaps://ldap.example.org"));
        } else if (url.length() > 500) {
            problems.add(problem("url", "The address is longer than 500 characters"));
        } else if (!url.startsWith("ldap://") && !url.startsWith("ldaps://")) {
            problems.add(problem("url", "The address must start with ldap:// or ldaps://"));
        } else {
            try {
                LDAPURL parsed = new LDAPURL(url);
                if (!parsed.hostProvided()) {
                    problems.add(problem("url", "The address needs a host name, e.g. ldaps://ldap.example.org:636"));
                } else if (parsed.baseDNProvided() || parsed.attributesProvided() || parsed.filterProvided() || parsed.scopeProvided()) {
                    problems.add(problem("url", "Write only the host and port here (ldap://host:389); the base DN and filter have their own fields"));
                }
            } catch (LDAPException e) {
                problems.add(problem("url", "Not an LDAP address; write ldap://host:389 or ldaps://host:636"));
            }
        }
        if (bindDn != null) {
            dn("bindDn", bindDn, "cn=steward,ou=services,dc=example,dc=org", problems);
            boolean onFile = stored != null && stored.bindPassword() != null;
            if (password == null && !onFile) {
                problems.add(problem("bindPassword", "Enter the password of the bind DN (or clear the bind DN to connect anonymously)"));
            } else if (password == null && !(bindDn.equals(stored.bindDn()) && stored.url().equals(url))) {
                problems.add(problem("bindPassword", "Enter the password again: the address or bind DN changed"));
            }
        } else if (password != null) {
            problems.add(problem("bindDn", "A password needs a bind DN; enter the DN to bind as"));
        }
        if (password != null && password.length() > MAX_PASSWORD) {
            problems.add(problem("bindPassword", "The password is longer than " + MAX_PASSWORD + " characters"));
        }
        if (password != null && password.length() > 500) {
            problems.add(problem("bindPassword", "The password is longer than 500 characters"));
        }
        if (baseDn == null) {
            problems.add(problem("groupBaseDn", "Enter the DN under which the groups are, e.g. ou=groups,dc=example,dc=org"));
        } else {
            dn("groupBaseDn", baseDn, "ou=groups,dc=example,dc=org", problems);
        }
        if (filter.length() > 1000) {
            problems.add(problem("groupFilter", "The filter is longer than 1000 characters"));
        } else {
            try {
                Filter.create(filter);
            } catch (LDAPException e) {
                problems.add(problem("groupFilter", "Not an LDAP filter: " + filter + " (e.g. (objectClass=groupOfNames), with the parentheses)"));
            }
        }
        String member = attribute("memberAttribute", s.memberAttribute(), "the members' DNs (member, uniqueMember)", problems);
        String groupName = attribute("groupNameAttribute", s.groupNameAttribute(), "the group's name (cn)", problems);
        String userId = attribute("userIdAttribute", s.userIdAttribute(), "the account name (uid, sAMAccountName)", problems);
        String employeeId = attribute("employeeIdAttribute", s.employeeIdAttribute(), null, problems);
        String email = attribute("emailAttribute", s.emailAttribute(), null, problems);
        String displayName = attribute("displayNameAttribute", s.displayNameAttribute(), null, problems);
        String lastLogin = attribute("lastLoginAttribute", s.lastLoginAttribute(), null, problems);
        if (s.connectTimeoutSeconds() < 1 || s.connectTimeoutSeconds() > 120) {
            problems.add(problem("connectTimeoutSeconds", "The timeout must be between 1 and 120 seconds"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LdapSettings(s.systemId(), url, bindDn, password, s.passwordSet(), baseDn, filter, member, groupName, userId,
                employeeId, email, displayName, lastLogin, s.connectTimeoutSeconds(), s.version());
    }

    private static void dn(String field, String value, String example, List<InvalidInputException.Problem> problems) {
        if (value.length() > 500) {
            problems.add(problem(field, "The DN is longer than 500 characters"));
            return;
        }
        try {
            if (new DN(value).isNullDN()) {
                problems.add(problem(field, "Enter a DN, e.g. " + example));
            }
        } catch (LDAPException e) {
            problems.add(problem(field, "Not a DN: " + value + " (e.g. " + example + ")"));
        }
    }

    /** A required attribute when {@code required} says what it holds; optional otherwise. */
    private static String attribute(String field, String value, String required, List<InvalidInputException.Problem> problems) {
        String name = text(value);
        if (name == null) {
            if (required != null) {
                problems.add(problem(field, "Enter the attribute that holds " + required));
            }
            return null;
        }
        if (name.length() > 100 || !ATTRIBUTE.matcher(name).matches()) {
            problems.add(problem(field, "Not an attribute name: " + name + " (letters, digits and hyphens, starting with a letter)"));
        }
        return name;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static InvalidInputException.Problem problem(String field, String message) {
        return new InvalidInputException.Problem(field, message);
    }
}
