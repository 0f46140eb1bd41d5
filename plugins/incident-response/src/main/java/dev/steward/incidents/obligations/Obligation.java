package dev.steward.incidents.obligations;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A notice the incident calls for, to one recipient in one jurisdiction. Late is not a stored status: an open
 * obligation past its due time is late, and so is one sent after it.
 *
 * @param ruleId the rule version it was computed from; null for one added by hand
 * @param documentId the attachment holding the notice as issued, if one was generated
 * @param dayZone the rule's zone when its deadline ends a day there (calendar days), else null: the due is an instant
 */
public record Obligation(long id, long incidentId, Long ruleId, String ruleKey, String regime, String recipient,
                        String jurisdiction, ObligationStatus status, Instant due, Instant clockStartedAt, String basis,
                        String decidedBy, Instant decidedAt, String decisionReason, Instant sentAt, String sentBy,
                        String reference, String delayReason, Long documentId, boolean manual, int version, ZoneId dayZone) {

    /** Whether the due is the end of a day in the rule's zone ("end of 16 Mar 2026, Los Angeles time"). */
    public boolean dueEndsADay() {
        return due != null && dayZone != null;
    }

    public boolean open() {
        return status == ObligationStatus.PROPOSED || status == ObligationStatus.REQUIRED;
    }

    public boolean late(Instant now) {
        if (due == null) {
            return false;
        }
        return open() ? due.isBefore(now) : status == ObligationStatus.SENT && sentAt != null && sentAt.isAfter(due);
    }

    /** "Required", "Late", "Sent late", ... */
    public String statusText(Instant now) {
        if (late(now)) {
            return status == ObligationStatus.SENT ? "Sent late" : "Late";
        }
        return status.label();
    }

    public String label() {
        return label(regime, recipient, jurisdiction);
    }

    /** "GDPR · Lead supervisory authority", "HIPAA · Prominent media outlets (US-TX)". */
    public static String label(String regime, String recipient, String jurisdiction) {
        boolean implied = jurisdiction.equals("*") || jurisdiction.equals("EEA") || jurisdiction.equals("GB");
        return regime + " · " + recipient + (implied ? "" : " (" + jurisdiction + ")");
    }
}
