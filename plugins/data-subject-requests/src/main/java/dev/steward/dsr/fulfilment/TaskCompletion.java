package dev.steward.dsr.fulfilment;

import dev.steward.platform.files.UploadedFile;

import java.time.LocalDate;

/**
 * What the assignee reports when a task is done: what they did or found, and for a processor's instruction the date
 * and reference of its confirmation. The evidence file (may be null) is closed by whoever made it.
 */
public record TaskCompletion(String outcome, LocalDate confirmedOn, String confirmationRef, UploadedFile evidence) {

    public static TaskCompletion of(String outcome) {
        return new TaskCompletion(outcome, null, null, null);
    }

    public static TaskCompletion confirmed(String outcome, LocalDate on, String reference) {
        return new TaskCompletion(outcome, on, reference, null);
    }

    public TaskCompletion withEvidence(UploadedFile file) {
        return new TaskCompletion(outcome, confirmedOn, confirmationRef, file);
    }
}
