package dev.steward.platform.db;

/**
 * How to reach the console's database as an administrator (to seal the audit log): the embedded server's superuser,
 * or {@code steward.database.admin-url} / {@code admin-username} / {@code admin-password} for a server of your own.
 */
public record AdminCredentials(String url, String username, String password) {

    @Override
    public String toString() {
        return "AdminCredentials[url=" + url + ", username=" + username + "]";
    }
}
