package dev.steward.platform.catalog;

public enum CatalogKind {
    DATA_CATEGORY("Personal-data categories"),
    SUBJECT_TYPE("Data-subject types"),
    LEGAL_BASIS("Legal bases"),
    PURPOSE("Purposes"),
    JURISDICTION("Jurisdictions");

    private final String label;

    CatalogKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
