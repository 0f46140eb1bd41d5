package dev.steward.vendors.risk;

import java.time.LocalDate;

/** A finding of an assessment, with who remediates it by when. */
public record FindingForm(String title, Severity severity, Long ownerPersonId, LocalDate dueOn) {

    public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
}
