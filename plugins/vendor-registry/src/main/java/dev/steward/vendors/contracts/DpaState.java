package dev.steward.vendors.contracts;

import java.time.LocalDate;

/** The derived DPA answer with why, and until when it holds (the current term's end of the DPA in force, if any). */
public record DpaState(DpaStatus status, String reason, LocalDate validUntil) {
}
