package dev.steward.dsr.verification;

/** A kind of data point a requester gives to prove who they are. */
public enum PointKind {
    EMAIL("Email address"),
    NAME("Full name"),
    PHONE("Phone number"),
    POSTAL_ADDRESS("Postal address"),
    DATE_OF_BIRTH("Date of birth"),
    CUSTOMER_ID("Customer or account id"),
    EMPLOYEE_ID("Employee id"),
    LAST_TRANSACTION("Last transaction"),
    OTHER("Other detail");

    private final String label;

    PointKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
