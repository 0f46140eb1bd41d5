package dev.steward.dsr.verification;

import java.util.List;

/**
 * One place a requester's data point can be checked against (the people directory; the systems' accounts once the
 * platform's personal-data map offers them). Implementations see every record: callers checked the permission.
 */
interface PointMatcher {

    /** What in this source holds {@code value} as a {@code kind}; empty when nothing does or the source has no such kind. */
    List<Match> match(PointKind kind, String value);

    /**
     * @param against  what matched, in words, without the value itself ("Person E1234 (Rosa Diaz)")
     * @param personId the people directory's person, when known, so that points matched to different people do not add up
     */
    record Match(PointSource source, String against, Long personId) {
    }
}
