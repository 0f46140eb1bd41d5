package dev.steward.vendors.contracts;

public enum CertificationType {
    ISO_27001("ISO/IEC 27001"), SOC2_TYPE2("SOC 2 Type II"), PCI_DSS("PCI DSS"), OTHER("Other");

    private final String label;

    CertificationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
