package dev.steward.platform.audit;

import java.time.Instant;

/**
 * A stored audit-log row. {@code before}/{@code after} are canonical JSON, or null. {@code auditSession} is the random
 * id of the sitting (see {@link AuditOrigin}); rows written before version 70 of the platform schema hold a servlet
 * session id there, long dead.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String clientIp, String auditSession, String module,
                         String entityType, String entityId, String action, String before, String after, String reason,
                         String prevHash, String hash) {
}
