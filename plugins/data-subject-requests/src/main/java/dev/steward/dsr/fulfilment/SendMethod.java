package dev.steward.dsr.fulfilment;

/** How a response reached the requester. */
public enum SendMethod {
    EMAIL("Email"),
    POST("Post"),
    PORTAL("Portal");

    private final String label;

    SendMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
