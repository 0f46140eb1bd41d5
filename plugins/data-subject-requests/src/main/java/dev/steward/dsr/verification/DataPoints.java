package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.VerificationPointRecord;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.VERIFICATION_POINT;

/**
 * The data points a requester gave, each matched against the sources Steward knows (the people directory first) or
 * confirmed by hand with the reason. The timeline says which kinds matched, never the values.
 */
@Service
public class DataPoints {

    private final DSLContext dsl;
    private final List<PointMatcher> matchers;
    private final RequestTimeline timeline;

    DataPoints(DSLContext dsl, List<PointMatcher> matchers, RequestTimeline timeline) {
        this.dsl = dsl;
        this.matchers = matchers;
        this.timeline = timeline;
    }

    /** Records a point and matches it; a point that matches several people is kept unmatched (it does not identify anyone). */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public DataPoint record(long requestId, PointKind kind, String value) {
        Inputs.present("kind", kind, "Choose what kind of data point it is");
        String given = Inputs.required("value", value, "Write the value the requester gave", 500);
        requireAwaiting(requestId);
        List<PointMatcher.Match> matches = matchers.stream().flatMap(m -> m.match(kind, given).stream()).toList();
        long people = matches.stream().map(PointMatcher.Match::personId).filter(java.util.Objects::nonNull).distinct().count();
        PointMatcher.Match match = matches.isEmpty() || people > 1 ? null : matches.getFirst();
        VerificationPointRecord r = insert(requestId, kind, given, match, null);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, kind.label() + (match == null
                ? people > 1 ? " given: matches several people, not counted" : " given: no match"
                : " matched in " + match.source().label().toLowerCase()));
        return toPoint(r);
    }

    /** Records a point the officer checked themself (a call back, a document seen), with why it is trusted. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public DataPoint confirmByHand(long requestId, PointKind kind, String value, String reason) {
        Inputs.present("kind", kind, "Choose what kind of data point it is");
        String given = Inputs.required("value", value, "Write the value the requester gave", 500);
        String why = Inputs.required("reason", reason, "Say how you confirmed it", 1000);
        requireAwaiting(requestId);
        VerificationPointRecord r = insert(requestId, kind, given,
                new PointMatcher.Match(PointSource.BY_HAND, "Confirmed by " + CurrentUser.username().orElseThrow(), null), why);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, kind.label() + " confirmed by hand", why);
        return toPoint(r);
    }

    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public List<DataPoint> of(long requestId) {
        return dsl.selectFrom(VERIFICATION_POINT).where(VERIFICATION_POINT.REQUEST_ID.eq(requestId))
                .orderBy(VERIFICATION_POINT.ID).fetch(DataPoints::toPoint);
    }

    private void requireAwaiting(long requestId) {
        RequestStatus status = dsl.select(REQUEST.STATUS).from(REQUEST).where(REQUEST.ID.eq(requestId)).fetchOptional(REQUEST.STATUS)
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (status != RequestStatus.AWAITING_VERIFICATION) {
            throw new InvalidInputException("request", "The request is no longer awaiting verification");
        }
    }

    private VerificationPointRecord insert(long requestId, PointKind kind, String value, PointMatcher.Match match, String handReason) {
        VerificationPointRecord r = dsl.newRecord(VERIFICATION_POINT);
        r.setRequestId(requestId);
        r.setKind(kind.name());
        r.setGivenValue(value);
        r.setMatched(match != null);
        r.setSource(match == null ? null : match.source().name());
        r.setMatchedAgainst(match == null ? null : match.against());
        r.setMatchedPersonId(match == null ? null : match.personId());
        r.setHandReason(handReason);
        r.setRecordedBy(CurrentUser.username().orElseThrow());
        r.setRecordedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        r.store();
        return r;
    }

    static DataPoint toPoint(VerificationPointRecord r) {
        return new DataPoint(r.getId(), r.getRequestId(), PointKind.valueOf(r.getKind()), r.getGivenValue(), r.getMatched(),
                r.getSource() == null ? null : PointSource.valueOf(r.getSource()), r.getMatchedAgainst(), r.getMatchedPersonId(),
                r.getHandReason(), r.getRecordedBy(), r.getRecordedAt());
    }
}
