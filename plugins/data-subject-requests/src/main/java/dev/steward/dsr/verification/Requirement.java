package dev.steward.dsr.verification;

import dev.steward.dsr.requests.OnBehalf;
import dev.steward.dsr.requests.Outcome;
import dev.steward.dsr.requests.RequestType;
import dev.steward.dsr.requests.RightsRequest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What verifying one request takes: the strictest of the rules of its types, and the proofs its maker (agent, parent,
 * household) needs. Without any rule for a type the request needs two points (reasonable means) and closes as unverified.
 */
public record Requirement(List<VerificationRule> rules, int pointsRequired, Set<Proof> proofs, boolean consumerConfirmationUnlessAttorney,
                          Outcome outcomeOnFailure, String failureReason) {

    static final int DEFAULT_POINTS = 2;

    public static Requirement of(RightsRequest request, List<VerificationRule> rules) {
        return of(request.onBehalf(), request.types(), rules);
    }

    static Requirement of(OnBehalf by, Set<RequestType> types, List<VerificationRule> rules) {
        int points = rules.size() < types.size() ? DEFAULT_POINTS : 0;
        boolean declaration = false;
        boolean agentProof = false;
        boolean confirmation = false;
        boolean parentProof = false;
        boolean household = false;
        for (VerificationRule rule : rules) {
            points = Math.max(points, rule.pointsRequired());
            declaration |= rule.declarationRequired();
            agentProof |= rule.needsVerification() && rule.agentProofRequired();
            confirmation |= rule.needsVerification() && rule.consumerConfirmation();
            parentProof |= rule.needsVerification() && rule.parentProofRequired();
            household |= rule.needsVerification() && rule.householdAllMembers();
        }
        Set<Proof> proofs = EnumSet.noneOf(Proof.class);
        if (declaration) {
            proofs.add(Proof.DECLARATION);
        }
        if (by == OnBehalf.AGENT && agentProof) {
            proofs.add(Proof.AGENT_PROOF);
        }
        if (by == OnBehalf.PARENT && parentProof) {
            proofs.add(Proof.PARENT_PROOF);
        }
        if (by == OnBehalf.HOUSEHOLD && household) {
            proofs.add(Proof.HOUSEHOLD_MEMBERS);
        }
        // a deletion the policy treats as an opt-out when unverified: the request still gets that, whatever else it asked
        List<VerificationRule> optOut = rules.stream().filter(r -> r.onFailure() == FailureAction.TREAT_AS_OPT_OUT).toList();
        Outcome outcome = optOut.isEmpty() ? Outcome.UNVERIFIED : Outcome.TREATED_AS_OPT_OUT;
        String reason = (optOut.isEmpty() ? rules : optOut).stream().map(VerificationRule::failureReason).distinct()
                .collect(Collectors.joining(" "));
        return new Requirement(List.copyOf(rules), points, proofs, by == OnBehalf.AGENT && confirmation, outcome,
                reason.isBlank() ? "We could not verify your identity." : reason);
    }

    public boolean needed() {
        return pointsRequired > 0 || !proofs.isEmpty();
    }

    /** The proofs needed given the agent's authority: a power of attorney stands in for the consumer's confirmation. */
    public Set<Proof> proofsWith(AgentAuthority authority) {
        Set<Proof> all = proofs.isEmpty() ? EnumSet.noneOf(Proof.class) : EnumSet.copyOf(proofs);
        if (consumerConfirmationUnlessAttorney && authority != AgentAuthority.POWER_OF_ATTORNEY) {
            all.add(Proof.CONSUMER_CONFIRMATION);
        }
        return all;
    }

    public String ruleNames() {
        return rules.stream().map(VerificationRule::name).collect(Collectors.joining(", "));
    }

    public String citations() {
        return rules.stream().map(VerificationRule::citation).distinct().collect(Collectors.joining("; "));
    }
}
