package dev.steward.platform.audit;

import dev.steward.platform.security.SecretBox;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static dev.steward.platform.db.generated.Tables.AUDIT_CHECKPOINT;

/**
 * Signed checkpoints of the audit chain's head, kept in {@code platform.audit_checkpoint}: which entry was last and
 * its hash, with an HMAC-SHA256 under a key derived from the console's secrets key ({@link SecretBox}). The key is not
 * in the database, so a checkpoint cannot be forged there, and removing the log's last entries or re-chaining it
 * after an edit leaves a checkpoint naming an entry that is missing or different.
 */
@Component
public class AuditCheckpoints {

    static final String KEY_PURPOSE = "audit checkpoint v1";
    private final DSLContext dsl;
    private final SecretBox secrets;
    private volatile SecretKeySpec key;

    public AuditCheckpoints(DSLContext dsl, SecretBox secrets) {
        this.dsl = dsl;
        this.secrets = secrets;
    }

    /** A checkpoint as stored. */
    public record Checkpoint(long id, long entryId, String entryHash, Instant createdAt, String mac) {
    }

    /** Writes the checkpoint of a new head; called in the transaction that appended the entry. */
    void write(long entryId, String entryHash, Instant at) {
        dsl.insertInto(AUDIT_CHECKPOINT)
                .set(AUDIT_CHECKPOINT.ENTRY_ID, entryId)
                .set(AUDIT_CHECKPOINT.ENTRY_HASH, entryHash)
                .set(AUDIT_CHECKPOINT.CREATED_AT, at)
                .set(AUDIT_CHECKPOINT.MAC, mac(entryId, entryHash, at))
                .execute();
    }

    /** Whether the checkpoint was made with this console's key and is as it was made. */
    boolean signatureHolds(Checkpoint checkpoint) {
        byte[] expected = mac(checkpoint.entryId(), checkpoint.entryHash(), checkpoint.createdAt()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, checkpoint.mac().getBytes(StandardCharsets.US_ASCII));
    }

    String mac(long entryId, String entryHash, Instant at) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key());
            String content = "steward-audit-checkpoint:v1\n" + entryId + "\n" + entryHash + "\n" + at;
            return HexFormat.of().formatHex(hmac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(secrets.derivedKey(KEY_PURPOSE), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
