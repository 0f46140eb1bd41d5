package dev.steward.incidents.obligations;

import java.time.Instant;

/**
 * An obligation the rules call for.
 *
 * @param jurisdiction the rule's jurisdiction, or the one state for a per-state rule (US-*)
 * @param clockStart   null while the clock has not started (no determination yet, the earlier notice not sent)
 * @param due          null while the clock has not started, or for "without undue delay" with no internal target
 * @param basis        why it applies, in words, for the officer and the auditor
 */
public record Proposal(NotificationRule rule, String jurisdiction, int affected, Instant clockStart, Instant due, String basis) {
}
