package dev.steward.platform.files;

import java.time.Instant;

/** A stored file's facts (never its bytes). {@code deletedAt} non-null: soft-deleted, kept until the retention ends. */
public record Attachment(long id, Owner owner, String fileName, String contentType, long size, String sha256,
                         String uploadedBy, Instant uploadedAt, Instant deletedAt, String deletedBy, String deleteReason) {

    /** The record a file belongs to. */
    public record Owner(String module, String entityType, String entityId) {
    }
}
