package dev.steward.vendors.contracts;

public enum ContractType {
    MSA("Master services agreement"), DPA("Data processing agreement"), SCC("Standard contractual clauses"),
    BAA("Business associate agreement"), NDA("Non-disclosure agreement");

    private final String label;

    ContractType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
