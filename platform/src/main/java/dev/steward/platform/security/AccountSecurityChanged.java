package dev.steward.platform.security;

/**
 * A change after which the user's open sessions must end (published in the transaction making it; listeners act
 * once it has committed). {@code keepSessionId} names the session that stays: the one in which users changed their
 * own password.
 */
public record AccountSecurityChanged(String username, Change change, String keepSessionId) {

    public enum Change { DEACTIVATED, ROLES_CHANGED, PASSWORD_RESET, OWN_PASSWORD_CHANGED, SESSIONS_ENDED }
}
