package dev.steward.dsr.clocks;

import dev.steward.dsr.requests.RequestStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A request's clock: the rule version and promise it was computed from, the law's and the promise's due dates, the one
 * that decided ({@code dueBasis}), the acknowledgement, the extension and the pauses.
 *
 * @param requestVersion     the request's version, for the actions' optimistic locking
 * @param extensionNoticeBy  the last moment the requester can be told of an extension, or null when none is allowed
 */
public record RequestClock(long requestId, int requestVersion, RequestStatus status, ClockRule rule, Promise promise,
                           Instant receivedAt, Instant acknowledgeBy, Instant acknowledgedAt, Instant lawDueAt,
                           Instant promiseDueAt, Instant dueAt, String dueBasis, Instant extensionNoticeBy, Instant extendedAt,
                           String extendedBy, String extensionReason, Instant requesterNotifiedAt, Instant pausedSince,
                           int pausedDays, List<Pause> pauses) {

    /** One wait for the requester's verification; {@code movedDays} is set once it ended. */
    public record Pause(Instant pausedAt, String pausedBy, String reason, Instant resumedAt, String resumedBy, Integer movedDays) {
    }

    public boolean open() {
        return status != RequestStatus.CLOSED;
    }

    public boolean extended() {
        return extendedAt != null;
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** Why the clock cannot be extended at {@code now}, or empty when it can. */
    public Optional<String> extensionRefusal(Instant now) {
        if (!open()) {
            return Optional.of("The request is closed");
        }
        if (rule.extensionAmount() == null || lawDueAt == null) {
            return Optional.of(rule.regime().label() + " allows no extension");
        }
        if (extended()) {
            return Optional.of("The clock was already extended once; the law allows one extension");
        }
        if (paused()) {
            return Optional.of("The clock is paused; resume it first");
        }
        if (dueAt != null && now.isAfter(dueAt)) {
            return Optional.of("The due date has passed: an extension must be made before it");
        }
        if (extensionNoticeBy != null && now.isAfter(extensionNoticeBy)) {
            return Optional.of("The requester had to be told of an extension within the law's first period");
        }
        return Optional.empty();
    }

    /** Why the clock cannot be paused now, or empty when it can. */
    public Optional<String> pauseRefusal() {
        if (!open()) {
            return Optional.of("The request is closed");
        }
        if (!rule.pauseAllowed()) {
            return Optional.of(rule.regime().label() + " does not let the clock wait for verification");
        }
        if (paused()) {
            return Optional.of("The clock is already paused");
        }
        if (status != RequestStatus.AWAITING_VERIFICATION) {
            return Optional.of("The clock waits only while the request awaits verification");
        }
        return Optional.empty();
    }
}
