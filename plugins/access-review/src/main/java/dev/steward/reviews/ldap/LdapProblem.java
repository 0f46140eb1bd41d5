package dev.steward.reviews.ldap;

/** Why a directory cannot be imported as it is; names the entry (DN) when about one. */
public record LdapProblem(String dn, String reason) {
}
