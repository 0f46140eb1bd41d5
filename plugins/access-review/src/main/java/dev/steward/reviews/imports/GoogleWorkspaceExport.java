package dev.steward.reviews.imports;

import java.util.List;
import java.util.Map;

/**
 * Google Workspace's Admin console downloads: the user list (Directory &gt; Users &gt; Download users, all columns)
 * and a group's members, joined on the e-mail address.
 * <p>
 * The user list's header is confirmed by published downloads: {@code First Name [Required],Last Name [Required],Email
 * Address [Required],Password [Required],...,Status [READ ONLY],Last Sign In [READ ONLY],...,New Status [UPLOAD ONLY]},
 * with {@code ****} as the password, {@code Active} or {@code Suspended} as the status, and the last sign-in as
 * {@code 2019/07/11 15:36:14} or {@code Never logged in} (read as UTC: the download does not name its zone, an
 * assumption). It names no admin role: super administrators are privileged through their admin groups' names.
 * <p>
 * The members download: {@code Member Email}, {@code Member Role} ({@code OWNER}, {@code MANAGER}, {@code MEMBER}) and
 * {@code Member Type} ({@code USER}, {@code GROUP}, {@code CUSTOMER}, {@code EXTERNAL}) and the group column
 * {@code Group Email [Required]} are the names of the Admin console's bulk membership file, which tools that rebuild the
 * download also write; {@code Member Name}, {@code Group Email} without the marker, {@code Member Status} and
 * {@code Member Relation Type} (DIRECT or INDIRECT, when the download includes derived members: how the membership is
 * held) are assumptions. A file without a group column holds one group, named from the file name.
 * <p>
 * An owner holds the group as "group (owner)" and a manager as "group (manager)", entitlements of their own, so that
 * an owner's access is reviewed as such: owners are privileged from the start, as are groups named as administrators'.
 */
final class GoogleWorkspaceExport extends ExportShape {

    private static final List<String> EMAIL = List.of("Email Address [Required]", "Email Address");
    private static final List<String> MEMBER = List.of("Member Email", "Member Email [Required]");

    @Override
    Map<UserField, List<String>> userColumns() {
        return Map.of(UserField.ACCOUNT, EMAIL, UserField.FIRST_NAME, List.of("First Name [Required]", "First Name"),
                UserField.LAST_NAME, List.of("Last Name [Required]", "Last Name"),
                UserField.STATUS, List.of("Status [READ ONLY]", "Status"),
                UserField.LAST_LOGIN, List.of("Last Sign In [READ ONLY]", "Last Sign In"),
                UserField.TWO_FACTOR, List.of("2sv Enrolled [READ ONLY]"));
    }

    @Override
    Map<MemberField, List<String>> memberColumns() {
        return Map.of(MemberField.ACCOUNT, MEMBER, MemberField.DISPLAY_NAME, List.of("Member Name"),
                MemberField.GROUP, List.of("Group Email [Required]", "Group Email"), MemberField.ROLE, List.of("Member Role"),
                MemberField.TYPE, List.of("Member Type"), MemberField.STATUS, List.of("Member Status"),
                MemberField.HOW_HELD, List.of("Member Relation Type"));
    }

    @Override
    FileKind kind(List<String> header) {
        if (has(header, List.of("Email Address [Required]"))) {
            return FileKind.USERS;
        }
        if (has(header, MEMBER)) {
            return has(header, memberColumns().get(MemberField.GROUP)) ? FileKind.MEMBERSHIPS : FileKind.GROUP_MEMBERS;
        }
        return FileKind.UNKNOWN;
    }

    @Override
    String expected() {
        return "a user download has Email Address [Required], a members download Member Email";
    }

    @Override
    String entitlement(String group, String role) {
        String word = role == null ? "member" : lower(role);
        return word.equals("member") ? group : group + " (" + word + ")";
    }

    @Override
    boolean privileged(String entitlement, String role) {
        return (role != null && lower(role).equals("owner")) || super.privileged(entitlement, role);
    }

    @Override
    boolean notAnAccount(String type) {
        String word = lower(type);
        return word.equals("group") || word.equals("customer");
    }
}
