package dev.steward.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The chain: each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical content. */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(String prevHash, Instant occurredAt, String actor, String clientIp, String auditSession,
                            String module, String entityType, String entityId, String action, String before,
                            String after, String reason) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("occurredAt", occurredAt.toString());
        content.put("actor", actor);
        content.put("clientIp", clientIp);
        // the key keeps its first name so that every chain written before the column was renamed still verifies
        content.put("sessionId", auditSession);
        content.put("module", module);
        content.put("entityType", entityType);
        content.put("entityId", entityId);
        content.put("action", action);
        content.put("before", before);
        content.put("after", after);
        content.put("reason", reason);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static String of(AuditEntry e) {
        return of(e.prevHash(), e.occurredAt(), e.actor(), e.clientIp(), e.auditSession(), e.module(), e.entityType(),
                e.entityId(), e.action(), e.before(), e.after(), e.reason());
    }
}
