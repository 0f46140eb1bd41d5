package dev.steward.reviews.imports;

/** What one file of a multi-file import holds, recognised from its header. */
public enum FileKind {
    /** The accounts with their status, last sign-in and details (Entra "Download users", Google's user download, GitHub's People export). */
    USERS("Users"),
    /** The members of one group, which the file does not name (Entra "Download members"): the group comes from the file name. */
    GROUP_MEMBERS("Members of one group"),
    /** Memberships with their group in a column (Google Workspace's group members download). */
    MEMBERSHIPS("Group memberships"),
    /** The members of one GitHub team as the REST API lists them (JSON): the team comes from the file name. */
    TEAM_MEMBERS("Members of one team"),
    /** A file the chosen system does not write. */
    UNKNOWN("Not recognised");

    private final String label;

    FileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the user names the group of this file (it has no group column). */
    public boolean needsGroup() {
        return this == GROUP_MEMBERS || this == TEAM_MEMBERS;
    }
}
