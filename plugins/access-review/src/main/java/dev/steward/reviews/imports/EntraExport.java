package dev.steward.reviews.imports;

import java.util.List;
import java.util.Map;

/**
 * Microsoft Entra ID's admin center downloads (bulk operations): "Download users" and, per group, "Download members".
 * Neither writes a {@code version:v1.0} line (that line is only in the upload templates).
 * <p>
 * The users file (exportUsers_2026-12-7.csv) has the Graph property names as its header, confirmed by a real download
 * published with its rows: {@code userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,
 * accountEnabled,...,createdDateTime}, {@code accountEnabled} {@code True} or {@code False}, empty cells for unset
 * properties; older downloads wrote {@code objectId} for {@code id}. It has no last sign-in column: last login is
 * unknown.
 * <p>
 * A group's members file (exportGroupMembers_2026-12-7.csv) names no group: the group comes from the file name. Its
 * columns {@code id}, {@code userPrincipalName}, {@code mail} and {@code objectType} are confirmed by scripts that read
 * real downloads; {@code displayName} and the column order are assumptions, as are the labels of the new bulk
 * operations service ("Object ID", "User principal name", "Display name", "Member type", as Microsoft's page describes
 * the file), which are read too. Members that are groups or devices are no accounts and are skipped.
 * <p>
 * Privileged from the start: groups named as administrators' groups are (Global Administrators, Entra Admins, ...).
 */
final class EntraExport extends ExportShape {

    private static final List<String> UPN = List.of("userPrincipalName", "User principal name");
    private static final List<String> ID = List.of("id", "objectId", "Object ID");
    private static final List<String> TYPE = List.of("objectType", "Member type");
    private static final List<String> ENABLED = List.of("accountEnabled", "Account enabled");

    @Override
    Map<UserField, List<String>> userColumns() {
        return Map.of(UserField.ACCOUNT, UPN, UserField.ID, ID, UserField.EMAIL, List.of("mail"),
                UserField.DISPLAY_NAME, List.of("displayName", "Display name"), UserField.FIRST_NAME, List.of("givenName"),
                UserField.LAST_NAME, List.of("surname"), UserField.STATUS, ENABLED,
                UserField.LAST_LOGIN, List.of("lastSignInDateTime", "Last sign-in date (UTC)"));
    }

    @Override
    Map<MemberField, List<String>> memberColumns() {
        return Map.of(MemberField.ACCOUNT, UPN, MemberField.ID, ID, MemberField.EMAIL, List.of("mail"),
                MemberField.DISPLAY_NAME, List.of("displayName", "Display name"), MemberField.TYPE, TYPE);
    }

    @Override
    FileKind kind(List<String> header) {
        if (has(header, UPN) && has(header, ENABLED)) {
            return FileKind.USERS;
        }
        if (has(header, ID) && (has(header, UPN) || has(header, TYPE))) {
            return FileKind.GROUP_MEMBERS;
        }
        return FileKind.UNKNOWN;
    }

    @Override
    String expected() {
        return "a users download has userPrincipalName and accountEnabled, a group's members download id and userPrincipalName"
                + " or objectType";
    }

    @Override
    boolean notAnAccount(String type) {
        String word = lower(type);
        return word.equals("group") || word.equals("device") || word.equals("contact") || word.equals("orgcontact");
    }

    @Override
    String noLastLoginNote() {
        return "Entra's users download has no last sign-in: last login is unknown for every account, shown as unknown and never"
                + " as dormant";
    }
}
