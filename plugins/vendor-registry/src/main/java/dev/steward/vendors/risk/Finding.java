package dev.steward.vendors.risk;

import java.time.LocalDate;

public record Finding(long id, long assessmentId, long vendorId, String title, FindingForm.Severity severity, long ownerPersonId,
                      String ownerName, LocalDate dueOn, Status status, int version) {

    public enum Status { OPEN, RESOLVED, ACCEPTED }
}
