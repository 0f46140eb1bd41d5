package dev.steward.dsr.processors;

import java.time.LocalDate;
import java.util.List;

/**
 * The instruction mailed to a processor's contact. It names whose data (the processor cannot delete without knowing)
 * but the confirmation page it links to never does: a forwarded link must not disclose the requester.
 *
 * @param subject    the requester as the processor knows them (name and email), or null after the purge
 * @param categories the categories' names to delete; empty: every personal data held about the person for us
 * @param reminder   0 for the instruction, 1 and 2 for the reminders
 */
record InstructionLetter(String reference, String holderName, String viaName, String subject, List<String> categories,
                         String legalBasis, LocalDate dueOn, String link, LocalDate linkExpiresOn, int reminder) {

    String title() {
        return (reminder == 0 ? "" : "Reminder: ") + "Instruction to delete personal data, our reference " + reference;
    }

    String text() {
        return """
                %sTo %s%s,

                We received a verified request to delete personal data (our reference %s). As our %s, please delete
                the following personal data you process on our behalf about this person, and tell any sub-processor
                holding it to do the same:

                Person: %s
                Data: %s

                Why: %s

                Please delete it and confirm by %s on this page (no sign-in needed; the link works once, until %s):

                %s

                On the page you can confirm the date of deletion with your own reference, tell us that you hold no
                such data, or tell us why you cannot delete it. Please do not reply with the person's data."""
                .formatted(reminder == 0 ? "" : "We have not yet received your confirmation of our instruction below "
                                + "(reminder " + reminder + "). The link in earlier mails no longer works; please use this one.\n\n",
                        holderName, viaName == null ? "" : " (sub-processor of " + viaName + ")", reference,
                        viaName == null ? "processor" : "sub-processor", subject == null ? "see our earlier instruction" : subject,
                        categories.isEmpty() ? "all personal data about this person that you process for us" : String.join(", ", categories),
                        legalBasis, dueOn == null ? "as soon as possible" : dueOn.toString(), linkExpiresOn, link);
    }
}
