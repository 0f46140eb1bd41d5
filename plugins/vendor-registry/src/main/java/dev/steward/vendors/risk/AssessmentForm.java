package dev.steward.vendors.risk;

import java.util.List;

/** An assessment: the residual tier after controls, why, and the findings to remediate. */
public record AssessmentForm(long vendorId, int residualTier, String summary, List<FindingForm> findings) {
}
