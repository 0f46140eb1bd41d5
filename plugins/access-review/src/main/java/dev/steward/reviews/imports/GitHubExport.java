package dev.steward.reviews.imports;

import java.util.List;
import java.util.Map;

/**
 * A GitHub organisation: its People export (Organization &gt; People &gt; Export, CSV) and, per team, the team's
 * members as the REST API lists them ({@code gh api --paginate /orgs/ORG/teams/TEAM/members > TEAM.json}: JSON user
 * objects with {@code login}); GitHub's web interface has no team export. The team comes from the file name.
 * <p>
 * GitHub documents what the People export holds (user name and display name, two-factor authentication, public or
 * private membership, owner or member, the last activity's date and time, the SAML NameID) and two column names:
 * {@code login} and {@code saml_name_id}, confirmed by a migration guide that reads the downloaded file. The other
 * names read here ({@code name}, {@code role}, {@code 2fa_enabled}, {@code last_active}, and their spellings) are
 * assumptions. The last activity is read in ISO 8601 or as {@code 2026-12-01 09:14:03 UTC}.
 * <p>
 * Each member holds its organisation role ("Organization owner", privileged; "Organization member") and its teams
 * ("Team platform"); teams named as administrators' teams are privileged from the start. GitHub has no disabled state
 * for a member: removal is the only state.
 */
final class GitHubExport extends ExportShape {

    private static final List<String> LOGIN = List.of("login");

    @Override
    Map<UserField, List<String>> userColumns() {
        return Map.of(UserField.ACCOUNT, LOGIN, UserField.DISPLAY_NAME, List.of("name", "display_name"),
                UserField.EMAIL, List.of("saml_name_id"), UserField.ROLE, List.of("role", "org_role"),
                UserField.LAST_LOGIN, List.of("last_active", "last_activity", "Last active"),
                UserField.TWO_FACTOR, List.of("2fa_enabled", "2fa", "two_factor_enabled", "two_factor_authentication"));
    }

    @Override
    Map<MemberField, List<String>> memberColumns() {
        return Map.of(MemberField.ACCOUNT, LOGIN);
    }

    @Override
    FileKind kind(List<String> header) {
        // login and role alone could be any export: one of the report's own columns must be there too
        Map<UserField, List<String>> columns = userColumns();
        return has(header, LOGIN) && has(header, columns.get(UserField.ROLE)) && (has(header, columns.get(UserField.EMAIL))
                || has(header, columns.get(UserField.LAST_LOGIN)) || has(header, columns.get(UserField.TWO_FACTOR)))
                ? FileKind.USERS : FileKind.UNKNOWN;
    }

    @Override
    String expected() {
        return "the People export has login, role and last_active or saml_name_id, a team's members file is the API's JSON list";
    }

    @Override
    boolean usersFileGrants() {
        return true;
    }

    @Override
    String entitlement(String team, String role) {
        return "Team " + team;
    }

    @Override
    String userEntitlement(String role) {
        return "Organization " + (role == null ? "member" : lower(role).replace('_', ' '));
    }

    @Override
    boolean privileged(String entitlement, String role) {
        return entitlement.equals("Organization owner") || super.privileged(entitlement.startsWith("Team ") ? entitlement.substring(5)
                : entitlement, role);
    }

    @Override
    String noLastLoginNote() {
        return "The People export has no last activity: last login is unknown for every member, shown as unknown and never as dormant";
    }
}
