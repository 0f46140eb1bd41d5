package dev.steward.dsr.processors;

import java.time.Instant;

/** Where a task's instruction to a processor stands, for the Fulfilment tab. */
public record InstructionState(long taskId, String sentTo, Instant firstSentAt, Instant lastSentAt, int reminders,
                               Instant escalatedAt, AnswerKind answer, Instant answeredAt, String answerNote) {

    public boolean answered() {
        return answer != null;
    }

    /** "Sent 2026-12-01, reminded twice, escalated" / "Processor cannot delete: …" */
    public String summary(java.util.function.Function<Instant, String> date) {
        if (answer != null) {
            return answer.label() + " (answered " + date.apply(answeredAt) + ")";
        }
        return "Sent " + date.apply(firstSentAt) + (reminders == 0 ? "" : reminders == 1 ? ", reminded once" : ", reminded " + reminders + " times")
                + (escalatedAt == null ? "" : ", escalated " + date.apply(escalatedAt));
    }
}
