package dev.steward.vendors.tasks;

import java.time.Instant;
import java.time.LocalDate;

/** Reassess a vendor because its DPA or a certificate expired; done when the vendor is next assessed. */
public record ReassessmentTask(long id, long vendorId, String reason, Instant createdAt, LocalDate dueOn, Instant doneAt, String doneBy) {
}
