package dev.steward.dsr.verification;

import dev.steward.dsr.DsrPermissions;
import dev.steward.platform.files.Attachment;

/**
 * A document a rule may require, kept as a file of the request (platform attachments, entity type {@link #entityType()}),
 * so that it is retained with the request's records (signed declarations: 24 months, 11 CCR 7101).
 */
public enum Proof {
    DECLARATION("Signed declaration under penalty of perjury"),
    AGENT_PROOF("Agent's signed permission or power of attorney"),
    CONSUMER_CONFIRMATION("The consumer's own confirmation of the agent"),
    PARENT_PROOF("Proof of parental responsibility"),
    HOUSEHOLD_MEMBERS("Every household member's verification");

    static final String PREFIX = "verification.";

    private final String label;

    Proof(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String entityType() {
        return PREFIX + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Where the file of this proof for the request is kept. */
    public Attachment.Owner owner(long requestId) {
        return new Attachment.Owner(DsrPermissions.PLUGIN_ID, entityType(), String.valueOf(requestId));
    }
}
