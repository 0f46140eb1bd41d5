package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestTimeline;
import dev.steward.dsr.requests.RightsRequest;
import dev.steward.dsr.requests.RightsRequests;
import dev.steward.platform.validation.Inputs;
import dev.steward.platform.validation.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refusing or charging for a request that is over the access limit, manifestly unfounded or excessive; the ground and
 * the reason go on the timeline (and, for a refusal, to the requester). The burden of showing it is the company's.
 */
@Service
public class Refusals {

    private final RightsRequests requests;
    private final VerificationAssessor assessor;
    private final RequestTimeline timeline;

    Refusals(RightsRequests requests, VerificationAssessor assessor, RequestTimeline timeline) {
        this.requests = requests;
        this.assessor = assessor;
        this.timeline = timeline;
    }

    /** Denies the request on {@code ground}, closing it with the reason the requester is told. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public RightsRequest deny(long requestId, int version, Ground ground, String reason) {
        String why = checked(requestId, ground, reason);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "Refused: " + ground.label() + " (" + ground.citation() + ")", why);
        return requests.close(requestId, version, Outcome.DENIED, ground.label() + ": " + why);
    }

    /** Records a reasonable fee asked before the request is answered; the request stays open. */
    @PreAuthorize(DsrPermissions.MAY_WORK)
    @Transactional
    public void chargeFee(long requestId, Ground ground, String fee, String reason) {
        String amount = Inputs.required("fee", fee, "Say the fee and its currency", 50);
        String why = checked(requestId, ground, reason);
        timeline.record(requestId, RequestTimeline.Kind.VERIFICATION, "Fee of " + amount + " asked: " + ground.label()
                + " (" + ground.citation() + ")", why);
    }

    private String checked(long requestId, Ground ground, String reason) {
        Inputs.present("ground", ground, "Choose the ground");
        String why = Inputs.required("reason", reason, "Say why: the reason is recorded and the requester is told", 2000);
        RightsRequest request = requests.find(requestId).orElseThrow(() -> new InvalidInputException("request", "There is no request " + requestId));
        if (!request.open()) {
            throw new InvalidInputException("request", "Request " + request.reference() + " is closed");
        }
        if (ground == Ground.OVER_LIMIT && assessor.overLimit(request, request.subjectPersonId()).isEmpty()) {
            throw new InvalidInputException("ground", "The consumer has not had two access requests answered in the 12 months before this one");
        }
        return why;
    }
}
