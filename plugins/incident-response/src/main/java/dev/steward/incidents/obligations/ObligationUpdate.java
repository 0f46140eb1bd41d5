package dev.steward.incidents.obligations;

import java.time.Instant;

/** Further information sent after the first notice (GDPR Art. 33(4)). */
public record ObligationUpdate(Instant sentAt, String sentBy, String summary) {
}
