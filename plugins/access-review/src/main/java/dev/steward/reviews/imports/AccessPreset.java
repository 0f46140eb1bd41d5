package dev.steward.reviews.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An export of a known system, as that system writes it: the names of its columns (for the mapping's guess), and
 * which of its entitlements are privileged from the start. Every preset shares the words for an account's status and
 * the ways exports write "unknown" ({@link SourceValues}). The AWS credential report has no entitlement column: it is
 * read by {@link CredentialReport}, which turns each kind of credential into an entitlement. Microsoft Entra ID, Google
 * Workspace and GitHub export their users and their memberships in separate files, read together ({@link #multiFile()},
 * {@link ExportBundle}).
 */
public enum AccessPreset {

    GENERIC("Any export with one row per account and entitlement", Map.of(), null),

    OKTA_GROUP_MEMBERSHIP("Okta: Group membership report", Map.of(
            "account", List.of("User Login", "Okta Username", "Username"),
            "entitlement", List.of("Group Name", "Group"),
            "email", List.of("User Email", "Primary Email"),
            "displayName", List.of("User Full Name", "User Fullname", "Full Name"),
            "lastLogin", List.of("Last Login", "Last Login Date"),
            "status", List.of("User Status", "Okta User Status", "Status"),
            "grantedVia", List.of("Membership Type", "Group Membership Type")),
            // Okta's own administrator groups, and groups named as admin ones usually are
            Pattern.compile("(?i).*\\b(admins?|administrators?|super ?users?|owners?|root)\\b.*")),

    AWS_CREDENTIAL_REPORT("AWS IAM: credential report", Map.of(), null),

    /** Entra's users download and one members download per group (see {@link EntraExport}). */
    ENTRA_ID("Microsoft Entra ID: users and group members", Map.of(), null),

    /** Google Workspace's user download and group members downloads (see {@link GoogleWorkspaceExport}). */
    GOOGLE_WORKSPACE("Google Workspace: users and group members", Map.of(), null),

    /** A GitHub organisation's People export and its teams' member lists (see {@link GitHubExport}). */
    GITHUB_ORGANIZATION("GitHub: organization members and teams", Map.of(), null);

    private final String label;
    private final Map<String, List<String>> columns;
    private final Pattern privilegedNames;

    AccessPreset(String label, Map<String, List<String>> columns, Pattern privilegedNames) {
        this.label = label;
        this.columns = columns;
        this.privilegedNames = privilegedNames;
    }

    public String label() {
        return label;
    }

    /**
     * The mapping this preset proposes for a header: its own column names first, then the usual synonyms. An export of
     * several files has its columns fixed by its preset: nothing to map.
     */
    public ColumnMapping guess(List<String> header) {
        if (multiFile()) {
            return NO_MAPPING;
        }
        return this == AWS_CREDENTIAL_REPORT ? CredentialReport.MAPPING : ColumnMapping.guess(header, columns);
    }

    private static final ColumnMapping NO_MAPPING = new ColumnMapping(null, null, null, null, null, null, null, null);

    /**
     * Whether the system exports its users and memberships in separate files (a users file and members files, joined on
     * the account), read together by one import; its columns are fixed, as the AWS report's are.
     */
    public boolean multiFile() {
        return this == ENTRA_ID || this == GOOGLE_WORKSPACE || this == GITHUB_ORGANIZATION;
    }

    /** Whether the user maps this export's columns (false for exports whose columns the preset knows). */
    public boolean mapped() {
        return this != AWS_CREDENTIAL_REPORT && !multiFile();
    }

    /** The preset a header looks like (its telling columns are all there), else the generic one. */
    public static AccessPreset recognise(List<String> header) {
        if (header.containsAll(CredentialReport.REQUIRED)) {
            return AWS_CREDENTIAL_REPORT;
        }
        if (header.contains("Group Name") && header.contains("User Login")) {
            return OKTA_GROUP_MEMBERSHIP;
        }
        for (AccessPreset preset : List.of(ENTRA_ID, GOOGLE_WORKSPACE, GITHUB_ORGANIZATION)) {
            if (ExportShape.of(preset).kind(header) != FileKind.UNKNOWN) {
                return preset;
            }
        }
        return GENERIC;
    }

    /** Whether some entitlements of this export are privileged by their name. */
    boolean marksPrivileged() {
        return privilegedNames != null;
    }

    /** Whether a new entitlement of this export is privileged until an administrator says otherwise. */
    boolean privilegedByDefault(String entitlement) {
        return privilegedNames != null && privilegedNames.matcher(entitlement).matches();
    }

    /** The preset named by its code, as stored with an import; the generic one for an unknown or missing code. */
    static AccessPreset of(String code) {
        for (AccessPreset preset : values()) {
            if (preset.name().equals(code == null ? "" : code.toUpperCase(Locale.ROOT))) {
                return preset;
            }
        }
        return GENERIC;
    }
}
