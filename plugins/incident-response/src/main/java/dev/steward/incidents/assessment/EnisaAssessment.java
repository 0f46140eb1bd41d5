package dev.steward.incidents.assessment;

import java.time.Instant;

/** One ENISA assessment as stored: the inputs with their reasoning, the score and band, who and when. */
public record EnisaAssessment(long id, EnisaInput input, EnisaScore result, String assessedBy, Instant assessedAt) {
}
