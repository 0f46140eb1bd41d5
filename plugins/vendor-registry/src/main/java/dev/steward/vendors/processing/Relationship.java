package dev.steward.vendors.processing;

/** The vendor's role for this processing, seen from us. Processors and sub-processors need a DPA (GDPR Art. 28). */
public enum Relationship {
    PROCESSOR, SUB_PROCESSOR, JOINT_CONTROLLER, INDEPENDENT_CONTROLLER;

    public boolean needsDpa() {
        return this == PROCESSOR || this == SUB_PROCESSOR;
    }
}
