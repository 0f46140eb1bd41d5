package dev.steward.dsr.fulfilment;

import java.time.Instant;

/**
 * A response prepared for the requester: the letter and, for access and portability, the data package (file ids), the
 * officer's own words in the letter, and when and how it was sent (null until recorded).
 */
public record Response(long id, long requestId, long letterFileId, Long packageFileId, String preparedBy, Instant preparedAt,
                       String note, SendMethod sentVia, Instant sentAt, String sentBy) {

    public boolean sent() {
        return sentAt != null;
    }
}
