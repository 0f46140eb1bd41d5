package dev.steward.dsr.fulfilment;

import java.time.Instant;

/** Data of one category kept despite the deletion request, with its legal basis and the reason the requester is told. */
public record DeletionException(long id, long requestId, String category, String categoryName, ExceptionBasis basis, String reason,
                                String recordedBy, Instant recordedAt) {
}
