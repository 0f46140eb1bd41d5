package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.db.tables.records.RequestRecord;
import dev.steward.dsr.requests.RequestStatus;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.security.CurrentUser;
import dev.steward.platform.validation.ConcurrentChangeException;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.stream.Collectors;

import static dev.steward.dsr.db.Tables.REQUEST;
import static dev.steward.dsr.db.Tables.REQUEST_TYPE;
import static dev.steward.dsr.db.Tables.VERIFICATION_DECISION;

/**
 * Decides a request's verification: verified (the rule's points matched and its proofs on file) moves it into progress
 * and publishes {@link RequestVerified}; failed closes it with the outcome and reason its rules give.
 */
@Service
public class Verifications {

    private final DSLContext dsl;
    private final RightsRequests requests;
    private final VerificationAssessor assessor;
    private final VerificationRules rules;
    private final RequestTimeline timeline;
    private final ApplicationEventPublisher events;

    Verifications(DSLContext dsl, RightsRequests requests, VerificationAssessor assessor, VerificationRules rules,
                  RequestTimeline timeline, ApplicationEventPublisher events) {
        this.rules = rules;
        this.dsl = dsl;
        this.requests = requests;
        this.assessor = assessor;
        this.timeline = timeline;
        this.events = events;
    }

    /** Where the verification stands; {@code authority} is the agent's, as the officer has it so far (null: none yet). */
    @PreAuthorize(DsrPermissions.MAY_READ)
    @Transactional(readOnly = true)
    public VerificationState state(long requestId, AgentAuthority authority) {
        return assessor.assess(request(requestId), authority);
    }

    /** Marks the requester verified; refused with what is missing when the rule is not met. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest verify(long requestId, int version, AgentAuthority authority) {
        RightsRequest request = request(requestId);
        if (request.onBehalf() == dev.steward.dsr.requests.OnBehalf.AGENT && authority == null) {
            throw new InvalidInputException("authority", "Say what entitles the agent: signed permission or a power of attorney");
        }
        VerificationState state = assessor.assess(request, request.onBehalf() == dev.steward.dsr.requests.OnBehalf.AGENT ? authority : null);
        if (!state.canVerify()) {
            throw new InvalidInputException("verification", "Not yet verifiable: " + String.join("; ", state.missing()));
        }
        RequestRecord r = lockedAwaiting(requestId, version);
        r.setStatus(RequestStatus.IN_PROGRESS);
        r.setSubjectPersonId(assessor.subjectPerson(state.points()));
        r.setVersion(version + 1);
        r.store();
        decide(requestId, "VERIFIED", state.requirement(), authority, null);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "Verified under " + state.requirement().ruleNames() + ": "
                + state.pointsMatched() + " of " + state.requirement().pointsRequired() + " data points matched"
                + (state.proofsOnFile().isEmpty() ? "" : "; on file: " + state.proofsOnFile().stream().map(Proof::label).collect(Collectors.joining(", ")))
                + (authority == null ? "" : "; agent holds " + authority.label().toLowerCase()));
        var earlier = assessor.overLimit(request, r.getSubjectPersonId());
        if (!earlier.isEmpty()) {
            timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "More than two access requests in 12 months (Civ. Code 1798.100(d)): "
                    + "earlier " + earlier.stream().map(VerificationState.EarlierRequest::reference).collect(Collectors.joining(", "))
                    + "; it may be denied or charged for");
        }
        events.publishEvent(new RequestVerified(requestId));
        return requests.find(requestId).orElseThrow();
    }

    /**
     * The requester could not be verified: closes the request with the outcome and reason its rules give (an unverified
     * CCPA deletion becomes an opt-out of sale); {@code note} says what was tried, for the record.
     */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest fail(long requestId, int version, String note) {
        String why = Inputs.required("note", note, "Say what was tried and why it was not enough", 1000);
        RightsRequest request = request(requestId);
        VerificationState state = assessor.assess(request, null);
        lockedAwaiting(requestId, version);
        decide(requestId, "FAILED", state.requirement(), null, why);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "Not verified under " + state.requirement().ruleNames(), why);
        return requests.close(requestId, version, state.requirement().outcomeOnFailure(), state.requirement().failureReason());
    }

    /**
     * Requests whose rules need no verification (a CCPA opt-out of sale) go straight into progress. Runs in the
     * transaction that opened the request, as whoever opened it (an intake channel too): it reads the request in SQL.
     */
    @PreAuthorize(DsrPermissions.MAY_CHANGE)
    @Transactional
    public boolean verifyIfNotNeeded(long requestId) {
        RequestRecord request = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(requestId)).fetchOptional()
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        java.util.Set<dev.steward.dsr.requests.RequestType> types = java.util.EnumSet.noneOf(dev.steward.dsr.requests.RequestType.class);
        types.addAll(dsl.select(REQUEST_TYPE.TYPE).from(REQUEST_TYPE).where(REQUEST_TYPE.REQUEST_ID.eq(requestId)).fetch(REQUEST_TYPE.TYPE));
        dev.steward.dsr.requests.Regime regime = dev.steward.dsr.requests.Regime.valueOf(request.getRegime());
        Requirement requirement = Requirement.of(request.getOnBehalf(), types, rules.applying(regime, types));
        if (types.isEmpty() || requirement.needed() || request.getStatus() != RequestStatus.AWAITING_VERIFICATION) {
            return false;
        }
        RequestRecord r = lockedAwaiting(requestId, request.getVersion());
        r.setStatus(RequestStatus.IN_PROGRESS);
        r.setVersion(request.getVersion() + 1);
        r.store();
        decide(requestId, "VERIFIED", requirement, null, "No verification needed");
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "No verification needed under "
                + requirement.ruleNames() + " (" + requirement.citations() + ")");
        events.publishEvent(new RequestVerified(requestId));
        return true;
    }

    private void decide(long requestId, String decision, Requirement requirement, AgentAuthority authority, String reason) {
        dsl.insertInto(VERIFICATION_DECISION)
                .set(VERIFICATION_DECISION.REQUEST_ID, requestId)
                .set(VERIFICATION_DECISION.DECISION, decision)
                .set(VERIFICATION_DECISION.RULES_APPLIED, abbreviate(requirement.ruleNames().isEmpty() ? "No rule: reasonable means" : requirement.ruleNames()))
                .set(VERIFICATION_DECISION.AGENT_AUTHORITY, authority == null ? null : authority.name())
                .set(VERIFICATION_DECISION.REASON, reason)
                .set(VERIFICATION_DECISION.DECIDED_BY, CurrentUser.username().orElse("system"))
                .set(VERIFICATION_DECISION.DECIDED_AT, Instant.now())
                .execute();
    }

    private RightsRequest request(long requestId) {
        return requests.find(requestId).orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
    }

    private RequestRecord lockedAwaiting(long id, int version) {
        RequestRecord r = dsl.selectFrom(REQUEST).where(REQUEST.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> new InvalidInputException("request", "There is no request " + id));
        if (r.getVersion() != version) {
            throw new ConcurrentChangeException("Someone else changed request " + r.getReference() + " in the meantime; reload and try again");
        }
        if (r.getStatus() != RequestStatus.AWAITING_VERIFICATION) {
            throw new InvalidInputException("request", "Request " + r.getReference() + " is not awaiting verification");
        }
        return r;
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }
}
