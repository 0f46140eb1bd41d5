package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;
import static dev.steward.dsr.db.Tables.VERIFICATION_DECISION;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.falseCondition;

/**
 * A business need answer a consumer's access or portability requests only twice in 12 months (Civ. Code 1798.100(d),
 * 1798.130(b)): the earlier verified ones by the same consumer (same email, ignoring case, or same person) received in
 * the 12 months before this one. Two or more: this one may be denied or charged for.
 */
@Component
class AccessLimit {

    static final int PER_TWELVE_MONTHS = 2;
    private static final Set<RequestType> COUNTED = Set.of(RequestType.ACCESS_CATEGORIES, RequestType.ACCESS_SPECIFIC, RequestType.PORTABILITY);

    private final DSLContext dsl;

    AccessLimit(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The earlier requests that put {@code request} over the limit; empty when it is within it or the limit does not apply. */
    List<VerificationState.EarlierRequest> overLimit(RightsRequest request, Long subjectPersonId) {
        List<VerificationState.EarlierRequest> earlier = earlier(request, subjectPersonId);
        return earlier.size() >= PER_TWELVE_MONTHS ? earlier : List.of();
    }

    List<VerificationState.EarlierRequest> earlier(RightsRequest request, Long subjectPersonId) {
        if (request.regime() != Regime.CCPA || request.types().stream().noneMatch(COUNTED::contains) || request.purged()) {
            return List.of();
        }
        String email = request.requester().email();
        Condition sameConsumer = (email == null ? falseCondition() : lower(REQUEST.REQUESTER_EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
                .or(subjectPersonId == null ? falseCondition() : REQUEST.SUBJECT_PERSON_ID.eq(subjectPersonId));
        var from = request.receivedAt().atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        return dsl.select(REQUEST.ID, REQUEST.REFERENCE, REQUEST.RECEIVED_AT).from(REQUEST)
                .join(VERIFICATION_DECISION).on(VERIFICATION_DECISION.REQUEST_ID.eq(REQUEST.ID), VERIFICATION_DECISION.DECISION.eq("VERIFIED"))
                .where(REQUEST.ID.ne(request.id()), REQUEST.REGIME.eq(Regime.CCPA.name()), sameConsumer,
                        REQUEST.RECEIVED_AT.ge(from), REQUEST.RECEIVED_AT.le(request.receivedAt()))
                .andExists(dsl.selectOne().from(REQUEST_TYPE).where(REQUEST_TYPE.REQUEST_ID.eq(REQUEST.ID), REQUEST_TYPE.TYPE.in(COUNTED)))
                .orderBy(REQUEST.RECEIVED_AT)
                .fetch(r -> new VerificationState.EarlierRequest(r.value1(), r.value2(), r.value3()));
    }
}
