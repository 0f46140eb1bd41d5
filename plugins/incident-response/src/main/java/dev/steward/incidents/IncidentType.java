package dev.steward.incidents;

public enum IncidentType {
    RANSOMWARE("Ransomware"),
    LOST_DEVICE("Lost or stolen device"),
    MISDIRECTED("Misdirected email or post"),
    UNAUTHORISED_ACCESS("Unauthorised access"),
    VENDOR_BREACH("Vendor or processor breach"),
    PHISHING("Phishing"),
    OTHER("Other");

    private final String label;

    IncidentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
