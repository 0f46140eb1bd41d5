package dev.steward.platform.links;

import dev.steward.platform.spi.EntityLinkProvider.LinkTarget;

import java.time.Instant;

/**
 * A record linked to the one being looked at, as the current user may see it.
 *
 * @param typeLabel what the record is, e.g. "Vendor"
 * @param mayUnlink whether the current user may remove this link
 */
public record LinkedRecord(long linkId, EntityRef ref, String typeLabel, LinkTarget target, String note, String createdBy,
                           Instant createdAt, boolean mayUnlink) {
}
