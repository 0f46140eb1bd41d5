package dev.steward.dsr.requests;

/** How a request reached the company. */
public enum Channel {
    WEB("Public request page"),
    API("Intake API"),
    EMAIL("Email"),
    PHONE("Telephone"),
    POST("Post"),
    IN_PERSON("In person");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
