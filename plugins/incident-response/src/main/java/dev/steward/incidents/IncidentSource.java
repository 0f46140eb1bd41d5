package dev.steward.incidents;

public enum IncidentSource {
    INTERNAL("Internal detection"),
    EMPLOYEE("Employee report"),
    VENDOR("Vendor"),
    CUSTOMER("Customer"),
    AUTHORITY("Authority"),
    SIEM("SIEM");

    private final String label;

    IncidentSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
