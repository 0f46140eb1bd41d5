package dev.steward.dsr.clocks;

import dev.steward.dsr.requests.Regime;

import java.time.Instant;

/**
 * What the company's published policy promises: an answer within {@code days} calendar days, for one regime or for all
 * ({@code regime} null), with the text it comes from ("Privacy policy, 'We will respond within 30 days'").
 */
public record Promise(long id, Regime regime, int version, int days, String source, String changedBy, Instant changedAt,
                      String changeReason) {

    /** The scope as stored: a regime's name, or ALL. */
    static final String ALL = "ALL";

    public String scopeLabel() {
        return regime == null ? "Every regime" : regime.label();
    }
}
