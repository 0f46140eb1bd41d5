package dev.steward.reviews.ldap;

import java.time.Instant;

/**
 * One account holding one entitlement, as read from the directory: the staged row of an LDAP import.
 *
 * @param grantedVia "direct member", or the nested group the account is a member of
 */
public record Membership(String entryDn, String account, String entitlement, String employeeId, String email,
                         String displayName, Instant lastLogin, String grantedVia) {
}
