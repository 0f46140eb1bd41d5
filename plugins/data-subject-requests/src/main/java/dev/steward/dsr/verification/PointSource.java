package dev.steward.dsr.verification;

/** Where a data point was matched. */
public enum PointSource {
    PEOPLE_DIRECTORY("People directory"),
    ACCOUNTS("Accounts in the organisation's systems"),
    BY_HAND("Confirmed by hand");

    private final String label;

    PointSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
