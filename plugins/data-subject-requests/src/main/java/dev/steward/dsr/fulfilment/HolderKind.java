package dev.steward.dsr.fulfilment;

/** Whose place holds the data: ours, a processor's, or a processor's sub-processor's (mirrors the platform's holder kinds). */
public enum HolderKind {
    OWN_SYSTEM("Our system"),
    PROCESSOR("Processor"),
    SUB_PROCESSOR("Sub-processor");

    private final String label;

    HolderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
