package dev.steward.dsr.verification;

import dev.steward.dsr.requests.Regime;
import dev.steward.dsr.requests.RequestType;

/**
 * A new version of a rule, as an administrator sets it; {@code changeReason} is required.
 *
 * @param basedOnVersion the version the administrator saw (0: none yet); someone else's newer version refuses the change
 */
public record RuleForm(Regime regime, RequestType type, int basedOnVersion, int pointsRequired, boolean declarationRequired, boolean agentProofRequired,
                       boolean consumerConfirmation, boolean parentProofRequired, boolean householdAllMembers,
                       FailureAction onFailure, String failureReason, String citation, String changeReason) {

    /** The same rule as a form, to change a field or two. */
    public static RuleForm of(VerificationRule r, String changeReason) {
        return new RuleForm(r.regime(), r.type(), r.version(), r.pointsRequired(), r.declarationRequired(), r.agentProofRequired(),
                r.consumerConfirmation(), r.parentProofRequired(), r.householdAllMembers(), r.onFailure(), r.failureReason(),
                r.citation(), changeReason);
    }

    public RuleForm withPoints(int points) {
        return new RuleForm(regime, type, basedOnVersion, points, declarationRequired, agentProofRequired, consumerConfirmation, parentProofRequired,
                householdAllMembers, onFailure, failureReason, citation, changeReason);
    }
}
