package dev.steward.dsr.clocks;

import java.time.Instant;
import java.time.ZoneId;

/** Why a request's due date is what it is: the law's period, the company's promise, and which one is earlier. */
final class ClockBasis {

    private ClockBasis() {
    }

    static String of(ClockRule rule, Promise promise, Instant lawDue, Instant promiseDue) {
        ZoneId zone = rule.zone();
        String law = rule.answerText() + " from receipt under " + rule.regime().label() + " (" + rule.citation() + ")";
        if (lawDue == null && promiseDue == null) {
            return "No due date: " + rule.regime().label() + " sets no answer period and the company has promised none";
        }
        if (lawDue == null) {
            return "The company's promise decides: " + promised(promise) + ", " + ClockText.endOfDay(promiseDue, zone)
                    + "; no law sets a period here";
        }
        if (promiseDue == null) {
            return "The law decides: " + law + ", " + ClockText.endOfDay(lawDue, zone) + "; the company has promised no time of its own";
        }
        if (promiseDue.isBefore(lawDue)) {
            return "The company's promise decides: " + promised(promise) + ", " + ClockText.endOfDay(promiseDue, zone)
                    + ", is earlier than the law's " + law + ", " + ClockText.endOfDay(lawDue, zone);
        }
        return "The law decides: " + law + ", " + ClockText.endOfDay(lawDue, zone) + "; the company's promise of "
                + promised(promise) + (promiseDue.equals(lawDue) ? " ends the same day" : " ends later and gives way to the law");
    }

    private static String promised(Promise promise) {
        return promise.days() + " days from receipt (" + promise.source() + ")";
    }
}
