package dev.steward.reviews.ldap;

/**
 * Where and how a system's accounts and entitlements are read from a directory: every group under
 * {@code groupBaseDn} matching {@code groupFilter} is an entitlement (named by {@code groupNameAttribute}); its members,
 * nested groups expanded, are the accounts (named by {@code userIdAttribute}).
 *
 * @param bindDn the DN to bind as; null to connect anonymously
 * @param bindPassword write-only: a new password to store, or null to keep the stored one; never read back
 * @param passwordSet whether a password is stored (what the UI shows instead of the password)
 * @param employeeIdAttribute / emailAttribute / displayNameAttribute / lastLoginAttribute optional (null: not read)
 * @param version null while the system has no LDAP source yet (optimistic locking)
 */
public record LdapSettings(long systemId, String url, String bindDn, String bindPassword, boolean passwordSet,
                           String groupBaseDn, String groupFilter, String memberAttribute, String groupNameAttribute,
                           String userIdAttribute, String employeeIdAttribute, String emailAttribute,
                           String displayNameAttribute, String lastLoginAttribute, int connectTimeoutSeconds, Integer version) {

    public static final String DEFAULT_GROUP_FILTER = "(objectClass=groupOfNames)";

    /** A new source with the usual attribute names (OpenLDAP / 389 style). */
    public static LdapSettings defaults(long systemId) {
        return new LdapSettings(systemId, "", null, null, false, "", DEFAULT_GROUP_FILTER, "member", "cn", "uid", null, "mail", "cn",
                null, 10, null);
    }

    /** The same settings with another password to use (null: the stored one). */
    public LdapSettings withPassword(String password) {
        return new LdapSettings(systemId, url, bindDn, password, passwordSet, groupBaseDn, groupFilter, memberAttribute,
                groupNameAttribute, userIdAttribute, employeeIdAttribute, emailAttribute, displayNameAttribute, lastLoginAttribute,
                connectTimeoutSeconds, version);
    }

    /**
     * Whether a bind would send the password readable on the network: a bind DN over {@code ldap://} (the console does
     * not negotiate StartTLS), as typed, before anything is saved or tried.
     */
    public boolean sendsPasswordInClear() {
        return url != null && url.strip().regionMatches(true, 0, "ldap://", 0, 7) && bindDn != null && !bindDn.isBlank();
    }

    /** The warning the settings dialog shows while {@link #sendsPasswordInClear()}. */
    public static final String CLEARTEXT_WARNING = "Over ldap:// the bind password is sent unencrypted: anyone on the network "
            + "between the console and the directory can read it. Use ldaps:// (port 636).";

    /** What the import run records as its source: the directory and where its groups are. */
    public String description() {
        return url + " " + groupBaseDn;
    }

    @Override
    public String toString() {
        // never the password, not even in a log line
        return "LdapSettings[system " + systemId + ", " + description() + ", bind " + (bindDn == null ? "anonymous" : bindDn)
                + ", password " + (passwordSet ? "set" : "not set") + "]";
    }
}
