package dev.steward.dsr.verification;

import java.time.Instant;

/** A data point the requester gave: whether it matched, in which source, against what, recorded by whom and when. */
public record DataPoint(long id, long requestId, PointKind kind, String value, boolean matched, PointSource source,
                        String matchedAgainst, Long matchedPersonId, String handReason, String recordedBy, Instant recordedAt) {
}
