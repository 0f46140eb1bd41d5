package dev.steward.platform.security;

/** The platform's roles. Plugins grant their permissions to these by default; AUDITOR only ever reads. */
public enum Role {
    ADMIN("Administrator"),
    PRIVACY_OFFICER("Privacy officer"),
    SECURITY_ANALYST("Security analyst"),
    MANAGER("Manager"),
    AUDITOR("Auditor (read-only)");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
