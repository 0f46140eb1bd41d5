package dev.steward.vendors.processing;

/** Approximate number of data subjects whose data the service holds; a factor of the inherent risk (level 1 to 4). */
public enum Volume {
    UNDER_1K("fewer than 1,000"), UNDER_100K("1,000 to 100,000"), UNDER_1M("100,000 to 1 million"), OVER_1M("over 1 million");

    private final String label;

    Volume(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public int level() {
        return ordinal() + 1;
    }
}
