package dev.steward.dsr.processors;

import java.time.LocalDate;

/**
 * A processor's answer on the confirmation page.
 *
 * @param deletedOn the date of deletion (DELETED only)
 * @param reference the processor's own reference (ticket, case), optional
 * @param note      an optional note; for CANNOT_DELETE the reason, required
 */
public record ProcessorAnswer(AnswerKind kind, LocalDate deletedOn, String reference, String note) {
}
