package dev.steward.vendors.contracts;

/** What was done with the paper; whether it is in force also depends on its dates ({@link ContractTerms}). */
public enum ContractStatus { DRAFT, SIGNED, TERMINATED }
