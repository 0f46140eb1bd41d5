package dev.steward.dsr.verification;

import dev.steward.dsr.requests.RightsRequest;
import dev.steward.platform.files.AttachmentService;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.steward.dsr.db.Tables.VERIFICATION_DECISION;
import static dev.steward.dsr.db.Tables.VERIFICATION_POINT;

/**
 * Works out a request's {@link VerificationState}. Points count once per kind, and only for one person: an email of
 * one person and a name of another are not two points. Points confirmed by hand or matched without a person add to each.
 */
@Component
class VerificationAssessor {

    private final DSLContext dsl;
    private final VerificationRules rules;
    private final AttachmentService files;
    private final AccessLimit limit;

    VerificationAssessor(DSLContext dsl, VerificationRules rules, AttachmentService files, AccessLimit limit) {
        this.dsl = dsl;
        this.rules = rules;
        this.files = files;
        this.limit = limit;
    }

    VerificationState assess(RightsRequest request, AgentAuthority authority) {
        Requirement requirement = Requirement.of(request, rules.applying(request.regime(), request.types()));
        List<DataPoint> points = dsl.selectFrom(VERIFICATION_POINT).where(VERIFICATION_POINT.REQUEST_ID.eq(request.id()))
                .orderBy(VERIFICATION_POINT.ID).fetch(DataPoints::toPoint);
        int matched = matchedKinds(points);
        Set<Proof> onFile = EnumSet.noneOf(Proof.class);
        for (Proof proof : Proof.values()) {
            if (!files.list(proof.owner(request.id()), false).isEmpty()) {
                onFile.add(proof);
            }
        }
        List<String> missing = new ArrayList<>();
        if (!request.open()) {
            missing.add("the request is closed");
        } else if (request.status() != dev.steward.dsr.requests.RequestStatus.AWAITING_VERIFICATION) {
            missing.add("the request is already verified");
        }
        if (matched < requirement.pointsRequired()) {
            missing.add((requirement.pointsRequired() - matched) + " more matched data point" + (requirement.pointsRequired() - matched == 1 ? "" : "s")
                    + " (" + matched + " of " + requirement.pointsRequired() + ")");
        }
        for (Proof proof : requirement.proofsWith(authority)) {
            if (!onFile.contains(proof)) {
                missing.add(proof.label().substring(0, 1).toLowerCase() + proof.label().substring(1));
            }
        }
        return new VerificationState(requirement, points, matched, onFile, missing, limit.overLimit(request, subjectPerson(points)),
                decision(request.id()));
    }

    List<VerificationState.EarlierRequest> overLimit(RightsRequest request, Long subjectPersonId) {
        return limit.overLimit(request, subjectPersonId);
    }

    /** The person most points matched, or null. */
    Long subjectPerson(List<DataPoint> points) {
        Map<Long, Set<PointKind>> byPerson = byPerson(points);
        return byPerson.entrySet().stream().max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse(null);
    }

    static int matchedKinds(List<DataPoint> points) {
        Set<PointKind> unattached = new HashSet<>();
        points.stream().filter(p -> p.matched() && p.matchedPersonId() == null).forEach(p -> unattached.add(p.kind()));
        Map<Long, Set<PointKind>> byPerson = byPerson(points);
        int best = unattached.size();
        for (Set<PointKind> kinds : byPerson.values()) {
            Set<PointKind> all = new HashSet<>(kinds);
            all.addAll(unattached);
            best = Math.max(best, all.size());
        }
        return best;
    }

    private static Map<Long, Set<PointKind>> byPerson(List<DataPoint> points) {
        Map<Long, Set<PointKind>> byPerson = new HashMap<>();
        points.stream().filter(p -> p.matched() && p.matchedPersonId() != null)
                .forEach(p -> byPerson.computeIfAbsent(p.matchedPersonId(), k -> new HashSet<>()).add(p.kind()));
        return byPerson;
    }

    private VerificationState.Decision decision(long requestId) {
        return dsl.selectFrom(VERIFICATION_DECISION).where(VERIFICATION_DECISION.REQUEST_ID.eq(requestId)).fetchOptional(r ->
                new VerificationState.Decision(r.getDecision(), r.getRulesApplied(),
                        r.getAgentAuthority() == null ? null : AgentAuthority.valueOf(r.getAgentAuthority()),
                        r.getReason(), r.getDecidedBy(), r.getDecidedAt())).orElse(null);
    }

}
