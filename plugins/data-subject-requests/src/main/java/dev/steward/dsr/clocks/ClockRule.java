package dev.steward.dsr.clocks;

import dev.steward.dsr.requests.Regime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One version of a regime's clock as the law writes it.
 *
 * @param ackDays          days to acknowledge receipt, or null when the law asks for no acknowledgement
 * @param answerAmount     the answer period in {@code answerUnit}, or null when the law sets none
 * @param extensionAmount  the one extension the law allows, added to the law's due date, or null for none
 * @param pauseAllowed     whether the clock may wait for the requester's verification ({@code pauseCitation} says why)
 * @param supersededBy     the version that replaced this one, or null while it is in force
 */
public record ClockRule(long id, Regime regime, int version, Integer ackDays, boolean ackBusinessDays, Integer answerAmount,
                        Unit answerUnit, Integer extensionAmount, Unit extensionUnit, boolean pauseAllowed, String pauseCitation,
                        ZoneId zone, String citation, String notes, LocalDate effectiveFrom, LocalDate effectiveTo,
                        Long supersededBy, String changedBy, Instant changedAt, String changeReason) {

    public enum Unit {
        DAYS("calendar days", "calendar day"), MONTHS("months", "month");

        private final String plural;
        private final String singular;

        Unit(String plural, String singular) {
            this.plural = plural;
            this.singular = singular;
        }

        /** "45 calendar days", "1 month". */
        public String amount(int n) {
            return n + " " + (n == 1 ? singular : plural);
        }
    }

    public boolean inForce() {
        return supersededBy == null;
    }

    /** "1 month", "45 calendar days", or "none set by law". */
    public String answerText() {
        return answerAmount == null ? "none set by law" : answerUnit.amount(answerAmount);
    }

    public String extensionText() {
        return extensionAmount == null ? "none" : extensionUnit.amount(extensionAmount);
    }

    public String ackText() {
        return ackDays == null ? "not required" : ackDays + (ackBusinessDays ? " business days" : " calendar days");
    }

    /** What an administrator may change in a new version. */
    public Draft draft() {
        return new Draft(ackDays, ackBusinessDays, answerAmount, answerUnit, extensionAmount, extensionUnit, pauseAllowed,
                pauseCitation, zone == null ? null : zone.getId(), citation, notes, effectiveFrom, effectiveTo);
    }

    /** The content of a new version of a rule. */
    public record Draft(Integer ackDays, boolean ackBusinessDays, Integer answerAmount, Unit answerUnit, Integer extensionAmount,
                        Unit extensionUnit, boolean pauseAllowed, String pauseCitation, String zone, String citation,
                        String notes, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }
}
