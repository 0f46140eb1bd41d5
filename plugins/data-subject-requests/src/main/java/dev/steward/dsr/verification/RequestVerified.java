package dev.steward.dsr.verification;

/**
 * Published inside the transaction that verified a request (it is now in progress), so that fulfilment starts with it;
 * a listener's exception rolls the verification back.
 */
public record RequestVerified(long requestId) {
}
