package dev.steward.dsr.requests;

/** What an individual asks for; one request may ask for several. */
public enum RequestType {
    ACCESS_CATEGORIES("Access: categories of data", "Right to know the categories collected, their sources, purposes and recipients"),
    ACCESS_SPECIFIC("Access: a copy of the data", "Right of access to the specific pieces of personal data"),
    DELETION("Deletion", "Right to erasure / to delete"),
    CORRECTION("Correction", "Right to rectification / to correct"),
    PORTABILITY("Portability", "Right to receive the data in a portable format"),
    RESTRICTION("Restriction of processing", "Right to restrict processing"),
    OBJECTION("Objection", "Right to object to processing"),
    OPT_OUT_SALE("Opt out of sale or sharing", "Right to opt out of the sale or sharing of personal information"),
    LIMIT_SENSITIVE("Limit use of sensitive data", "Right to limit the use and disclosure of sensitive personal information"),
    WITHDRAW_CONSENT("Withdraw consent", "Right to withdraw consent at any time");

    private final String label;
    private final String description;

    RequestType(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Requests that disclose data to the requester, and so need the stronger verification and the response package. */
    public boolean discloses() {
        return this == ACCESS_CATEGORIES || this == ACCESS_SPECIFIC || this == PORTABILITY;
    }
}
