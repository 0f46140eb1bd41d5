package dev.steward.dsr.requests;

/** Published inside the transaction that closed a request: open tasks and reminders end with it. */
public record RequestClosed(long requestId, Outcome outcome) {
}
