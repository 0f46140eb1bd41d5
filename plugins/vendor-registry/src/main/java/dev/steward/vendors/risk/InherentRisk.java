package dev.steward.vendors.risk;

/** A vendor's inherent risk now: the factors, the score and the tier the rubric gives them. */
public record InherentRisk(RiskFactors factors, int score, int tier) {
}
