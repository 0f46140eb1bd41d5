package dev.steward.reviews.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a system that exports its users and its memberships in separate files names things: the columns of each kind of
 * file (any of several spellings, in any case), how a file is recognised from its header, and what a membership
 * grants. Read by {@link ExportBundle}.
 */
abstract class ExportShape {

    /** Group and team names that administer something, as administrators' groups are usually named. */
    static final Pattern ADMIN_NAMES = Pattern.compile("(?i).*\\b(admins?|administrators?|super ?users?|owners?|root)\\b.*");

    /** The fields of a users file: the account and its details, status, last sign-in, and what the row itself grants. */
    enum UserField { ACCOUNT, ID, EMAIL, DISPLAY_NAME, FIRST_NAME, LAST_NAME, LAST_LOGIN, STATUS, ROLE, TWO_FACTOR }

    /**
     * The fields of a members file: the member, its group (unless the file is one group's), role, type, status, and how
     * the membership is held (directly, or through a nested group).
     */
    enum MemberField { ACCOUNT, ID, EMAIL, DISPLAY_NAME, GROUP, ROLE, TYPE, STATUS, HOW_HELD }

    abstract Map<UserField, List<String>> userColumns();

    abstract Map<MemberField, List<String>> memberColumns();

    /** What a CSV file with this header holds in this system's exports. */
    abstract FileKind kind(List<String> header);

    /** The columns that make a file recognisable, for the message about a file of another system. */
    abstract String expected();

    /** Whether the users file alone grants something (GitHub's People export: the organisation role). */
    boolean usersFileGrants() {
        return false;
    }

    /** The entitlement a membership grants: the group, or the group with a role that is more than membership. */
    String entitlement(String group, String role) {
        return group;
    }

    /** Whether a new entitlement starts privileged. */
    boolean privileged(String entitlement, String role) {
        return ADMIN_NAMES.matcher(entitlement).matches();
    }

    /** The entitlement a users file's row grants by itself (its role), or null. */
    String userEntitlement(String role) {
        return null;
    }

    /** Whether a member of this type is no account (a nested group, "everyone in the domain"): skipped with a note. */
    boolean notAnAccount(String type) {
        return false;
    }

    /** A note when the users file has no last sign-in column, or null. */
    String noLastLoginNote() {
        return "The users file has no last sign-in: last login is unknown for every account, shown as unknown and never as dormant";
    }

    /** The index of the first column of {@code header} named as one of {@code names} (in any case), or -1. */
    static int column(List<String> header, List<String> names) {
        if (names == null) {
            return -1;
        }
        for (String name : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().equalsIgnoreCase(name)) {
                    return i;
                }
            }
        }
        return -1;
    }

    static boolean has(List<String> header, List<String> names) {
        return column(header, names) >= 0;
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The shape of a multi-file preset's exports, or null for a preset of one file. */
    static ExportShape of(AccessPreset preset) {
        return switch (preset) {
            case ENTRA_ID -> new EntraExport();
            case GOOGLE_WORKSPACE -> new GoogleWorkspaceExport();
            case GITHUB_ORGANIZATION -> new GitHubExport();
            default -> null;
        };
    }
}
