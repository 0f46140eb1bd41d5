package dev.steward.platform.audit;

import java.util.Map;

/**
 * One thing that happened to one record, as a module reports it to {@link AuditTrail}. Who, when and from where
 * are filled in by the platform unless {@link #actor(String)} names the actor (a login, a job).
 */
public record AuditEvent(String module, String entityType, String entityId, String action,
                         Map<String, ?> before, Map<String, ?> after, String reason, String actor) {

    public static AuditEvent of(String module, String entityType, Object entityId, String action) {
        return new AuditEvent(module, entityType, entityId == null ? null : String.valueOf(entityId), action,
                null, null, null, null);
    }

    public AuditEvent before(Map<String, ?> values) {
        return new AuditEvent(module, entityType, entityId, action, values, after, reason, actor);
    }

    public AuditEvent after(Map<String, ?> values) {
        return new AuditEvent(module, entityType, entityId, action, before, values, reason, actor);
    }

    public AuditEvent reason(String text) {
        return new AuditEvent(module, entityType, entityId, action, before, after, text, actor);
    }

    public AuditEvent actor(String name) {
        return new AuditEvent(module, entityType, entityId, action, before, after, reason, name);
    }
}
