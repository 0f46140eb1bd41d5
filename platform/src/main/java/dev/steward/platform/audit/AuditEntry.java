package dev.steward.platform.audit;

import java.time.Instant;

/** A stored audit-log row. {@code before}/{@code after} are canonical JSON, or null. */
public record AuditEntry(long id, Instant occurredAt, String actor, String clientIp, String sessionId, String module,
                         String entityType, String entityId, String action, String before, String after, String reason,
                         String prevHash, String hash) {
}
