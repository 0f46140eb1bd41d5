package dev.steward.incidents.obligations;

import dev.steward.incidents.RiskLevel;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One version of a notification rule. The rule is data (see the V1 migration for the jurisdiction patterns); a
 * correction makes a new version and marks this one superseded.
 *
 * @param minAffected inclusive: "more than 500" is 501
 * @param minRisk     the risk conclusion the rule needs, or null for any
 * @param role        CONTROLLER, PROCESSOR or ANY: whose duty it is
 * @param afterRuleKey for {@link ClockStart#AFTER_OBLIGATION}: the rule whose notice starts this clock
 */
public record NotificationRule(Long id, String key, int version, String regime, String recipient, RecipientKind recipientKind,
                               String jurisdiction, Integer minAffected, Integer maxAffected, RiskLevel minRisk,
                               boolean phiOnly, boolean encryptionExempt, String role, DeadlineKind deadlineKind,
                               Integer deadlineAmount, Integer internalTargetHours, ClockStart clockStart, String afterRuleKey,
                               ZoneId zone, String citation, String notes, LocalDate effectiveFrom, LocalDate effectiveTo,
                               Long supersededBy) {

    public enum RecipientKind {
        AUTHORITY("Supervisory authority or regulator"), INDIVIDUALS("Individuals affected"), MEDIA("Media"),
        CONTROLLER("Controller (we are its processor)"), OTHER("Other");

        private final String label;

        RecipientKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum DeadlineKind {
        HOURS("Hours (elapsed time)"), CALENDAR_DAYS("Calendar days (to the end of the day)"), UNDUE_DELAY("Without undue delay"),
        DAYS_AFTER_YEAR_END("Days after the end of the calendar year");

        private final String label;

        DeadlineKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum ClockStart {
        AWARE("Awareness"), DISCOVERY("Discovery"), DETERMINATION("Determination of the breach"),
        AFTER_OBLIGATION("Another rule's notice is sent");

        private final String label;

        ClockStart(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whose duty a rule is, in words: the values of {@link #role()}. */
    public static String roleLabel(String role) {
        return switch (role) {
            case "CONTROLLER" -> "The controller's";
            case "PROCESSOR" -> "A processor's";
            case "ANY" -> "Either's";
            default -> role;
        };
    }

    public boolean effectiveOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /** "72 hours from awareness", "30 calendar days from discovery", ... */
    public String deadlineText() {
        String from = switch (clockStart) {
            case AWARE -> "awareness";
            case DISCOVERY -> "discovery";
            case DETERMINATION -> "determination of the breach";
            case AFTER_OBLIGATION -> "the " + afterRuleKey + " notice";
        };
        return switch (deadlineKind) {
            case HOURS -> deadlineAmount + " hours from " + from;
            case CALENDAR_DAYS -> deadlineAmount + " calendar days from " + from;
            case UNDUE_DELAY -> "without undue delay after " + from
                    + (internalTargetHours == null ? "" : " (internal target " + internalTargetHours + " hours)");
            case DAYS_AFTER_YEAR_END -> deadlineAmount + " days after the end of the calendar year of " + from;
        };
    }
}
