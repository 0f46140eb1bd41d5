package dev.steward.vendors.registry;

public enum VendorStatus { PROSPECT, ACTIVE, OFFBOARDING, TERMINATED }
