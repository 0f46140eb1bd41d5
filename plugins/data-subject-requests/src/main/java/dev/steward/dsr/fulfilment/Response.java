package dev.steward.dsr.fulfilment;

import java.time.Instant;

/** A response prepared for the requester: the letter and, for access and portability, the data package (file ids). */
public record Response(long id, long requestId, long letterFileId, Long packageFileId, String preparedBy, Instant preparedAt) {
}
