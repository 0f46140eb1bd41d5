package dev.steward.dsr.verification;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where a request's verification stands: the requirement, the points given, how many count, the proofs on file, what
 * is still missing to verify, the earlier requests that make it one too many, and the decision once made.
 */
public record VerificationState(Requirement requirement, List<DataPoint> points, int pointsMatched, Set<Proof> proofsOnFile,
                                List<String> missing, List<EarlierRequest> overLimit, Decision decision) {

    public boolean canVerify() {
        return missing.isEmpty();
    }

    public record EarlierRequest(long id, String reference, Instant receivedAt) {
    }

    public record Decision(String decision, String rulesApplied, AgentAuthority agentAuthority, String reason, String decidedBy,
                           Instant decidedAt) {
    }
}
