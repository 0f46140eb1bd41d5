package dev.steward.dsr.requests;

/**
 * Published inside the transaction that opened a request, so that the clock, verification and tasks start with it
 * (listeners run in that transaction; an exception rolls the request back).
 */
public record RequestOpened(long requestId) {
}
