package dev.steward.dsr.verification;

import dev.steward.dsr.requests.RequestOpened;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A request whose rules need no verification (an opt-out of sale under the CCPA) starts at once. */
@Component
class VerificationStart {

    private final Verifications verifications;

    VerificationStart(Verifications verifications) {
        this.verifications = verifications;
    }

    @EventListener
    void opened(RequestOpened event) {
        verifications.verifyIfNotNeeded(event.requestId());
    }
}
