package dev.steward.platform.security;

import java.time.Instant;
import java.util.List;

/** An API token as an admin sees it (never the secret itself). {@code prefix} is its first characters, to recognise it. */
public record ApiToken(long id, String name, String pluginId, List<String> permissions, String prefix, String createdBy,
                       Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** The principal name an API call made with this token acts as (in the audit log, as reporter, ...). */
    public String principal() {
        return "api:" + name;
    }

    /** A new token: the secret is in {@code token}, shown to the admin once. */
    public record Issued(ApiToken token, String secret) {
    }
}
